import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ProviderEntity } from '../provider.entity.js';

/** One redirect URI: compared exactly after URL parsing (strict) or as an anchored regex. */
export interface RedirectUri {
  matching_mode: 'strict' | 'regex';
  url: string;
}

/** An OAuth2/OpenID provider: the `providers` row plus what only OAuth2 clients have. */
@Entity({ name: 'oauth2_providers' })
export class OAuth2ProviderEntity {
  @PrimaryColumn({ name: 'provider_id', type: 'integer' })
  providerId!: number;

  @OneToOne(() => ProviderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'provider_id' })
  provider!: Relation<ProviderEntity>;

  @Column({ name: 'client_type', type: 'varchar', length: 16 })
  clientType!: 'confidential' | 'public';

  @Column({ name: 'client_id', type: 'varchar', length: 255 })
  clientId!: string;

  /** The client secret sealed with the installation secret (it also keys HS256 tokens). */
  @Column({ name: 'client_secret_sealed', type: 'text', nullable: true })
  clientSecretSealed!: string | null;

  @Column({ name: 'redirect_uris', type: 'jsonb', default: () => `'[]'` })
  redirectUris!: RedirectUri[];

  @Column({ name: 'signing_key_id', type: 'uuid', nullable: true })
  signingKeyId!: string | null;

  @Column({ name: 'access_code_validity', type: 'text' })
  accessCodeValidity!: string;

  @Column({ name: 'access_token_validity', type: 'text' })
  accessTokenValidity!: string;

  @Column({ name: 'refresh_token_validity', type: 'text' })
  refreshTokenValidity!: string;

  @Column({ name: 'include_claims_in_id_token', type: 'boolean' })
  includeClaimsInIdToken!: boolean;

  @Column({ name: 'sub_mode', type: 'varchar', length: 32 })
  subMode!: string;

  @Column({ name: 'issuer_mode', type: 'varchar', length: 16 })
  issuerMode!: 'global' | 'per_provider';

  /** Where the relying party takes OpenID Connect back-channel logout tokens; empty: it takes none. */
  @Column({ name: 'backchannel_logout_uri', type: 'text', default: '' })
  backchannelLogoutUri!: string;

  @Column({ name: 'jwks_sources', type: 'jsonb', default: () => `'[]'` })
  jwksSources!: string[];
}
