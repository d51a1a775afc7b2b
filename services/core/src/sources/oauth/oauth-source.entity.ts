import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { SourceEntity } from '../source.entity.js';

/** A JSON Web Key Set as stored: `keys` holds public JWKs only (the API refuses private material). */
export interface JsonWebKeySet {
  keys?: Array<Record<string, unknown>>;
}

/** An OAuth/OpenID Connect source: the `sources` row plus the remote provider's endpoints and client. */
@Entity({ name: 'oauth_sources' })
export class OAuthSourceEntity {
  @PrimaryColumn({ name: 'source_id', type: 'uuid' })
  sourceId!: string;

  @OneToOne(() => SourceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source!: Relation<SourceEntity>;

  @Column({ name: 'provider_type', type: 'varchar', length: 32 })
  providerType!: string;

  @Column({ name: 'consumer_key', type: 'text' })
  consumerKey!: string;

  /** The consumer (client) secret, sealed with the installation secret. */
  @Column({ name: 'consumer_secret_sealed', type: 'text' })
  consumerSecretSealed!: string;

  @Column({ name: 'request_token_url', type: 'varchar', length: 255, nullable: true })
  requestTokenUrl!: string | null;

  @Column({ name: 'authorization_url', type: 'varchar', length: 255, nullable: true })
  authorizationUrl!: string | null;

  @Column({ name: 'access_token_url', type: 'varchar', length: 255, nullable: true })
  accessTokenUrl!: string | null;

  @Column({ name: 'profile_url', type: 'varchar', length: 255, nullable: true })
  profileUrl!: string | null;

  @Column({ name: 'additional_scopes', type: 'text', default: '' })
  additionalScopes!: string;

  @Column({ name: 'oidc_well_known_url', type: 'text', default: '' })
  oidcWellKnownUrl!: string;

  @Column({ name: 'oidc_jwks_url', type: 'text', default: '' })
  oidcJwksUrl!: string;

  @Column({ name: 'oidc_jwks', type: 'jsonb', default: () => `'{}'` })
  oidcJwks!: JsonWebKeySet;
}
