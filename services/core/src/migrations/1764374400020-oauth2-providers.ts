import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * OAuth2/OpenID providers (one row per `providers` row of type oauth2) and scope mappings
 * (one row per `property_mappings` row of type scope). Client secrets are sealed.
 */
export class OAuth2Providers1764374400020 implements MigrationInterface {
  name = 'OAuth2Providers1764374400020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.oauth2_providers (
        provider_id integer PRIMARY KEY REFERENCES core.providers (id) ON DELETE CASCADE,
        client_type varchar(16) NOT NULL DEFAULT 'confidential' CHECK (client_type IN ('confidential', 'public')),
        client_id varchar(255) NOT NULL,
        client_secret_sealed text,
        redirect_uris jsonb NOT NULL DEFAULT '[]',
        signing_key_id uuid REFERENCES core.certificate_key_pairs (id) ON DELETE SET NULL,
        access_code_validity text NOT NULL DEFAULT 'minutes=1',
        access_token_validity text NOT NULL DEFAULT 'minutes=5',
        refresh_token_validity text NOT NULL DEFAULT 'days=30',
        include_claims_in_id_token boolean NOT NULL DEFAULT true,
        sub_mode varchar(32) NOT NULL DEFAULT 'hashed_user_id'
          CHECK (sub_mode IN ('hashed_user_id', 'user_id', 'user_uuid', 'user_username', 'user_email', 'user_upn')),
        issuer_mode varchar(16) NOT NULL DEFAULT 'per_provider' CHECK (issuer_mode IN ('global', 'per_provider')),
        jwks_sources jsonb NOT NULL DEFAULT '[]',
        CONSTRAINT oauth2_providers_client_id_unique UNIQUE (client_id)
      )`);
    await q.query(`
      CREATE TABLE core.scope_mappings (
        property_mapping_id uuid PRIMARY KEY REFERENCES core.property_mappings (id) ON DELETE CASCADE,
        scope_name text NOT NULL,
        description text NOT NULL DEFAULT ''
      )`);
    await q.query(`CREATE INDEX scope_mappings_scope_name ON core.scope_mappings (scope_name)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE core.scope_mappings`);
    await q.query(`DROP TABLE core.oauth2_providers`);
  }
}
