import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sources (the base every source type shares) and OAuth sources. A source is named by its
 * slug in URLs and by its UUID in references (an OAuth2 provider's trusted JWKS sources).
 * The consumer secret is sealed.
 */
export class Sources1764374400040 implements MigrationInterface {
  name = 'Sources1764374400040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.sources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        slug varchar(50) NOT NULL,
        type varchar(64) NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        authentication_flow uuid REFERENCES core.flows (id) ON DELETE SET NULL,
        enrollment_flow uuid REFERENCES core.flows (id) ON DELETE SET NULL,
        policy_engine_mode varchar(8) NOT NULL DEFAULT 'any' CHECK (policy_engine_mode IN ('all', 'any')),
        user_matching_mode varchar(16) NOT NULL DEFAULT 'identifier'
          CHECK (user_matching_mode IN ('identifier', 'email_link', 'email_deny', 'username_link', 'username_deny')),
        user_path_template text NOT NULL DEFAULT 'goauthentik.io/sources/%(slug)s',
        icon text,
        managed text,
        CONSTRAINT sources_slug_unique UNIQUE (slug),
        CONSTRAINT sources_managed_unique UNIQUE (managed)
      )`);
    await q.query(`
      CREATE TABLE core.oauth_sources (
        source_id uuid PRIMARY KEY REFERENCES core.sources (id) ON DELETE CASCADE,
        provider_type varchar(32) NOT NULL,
        consumer_key text NOT NULL,
        consumer_secret_sealed text NOT NULL,
        request_token_url varchar(255),
        authorization_url varchar(255),
        access_token_url varchar(255),
        profile_url varchar(255),
        additional_scopes text NOT NULL DEFAULT '',
        oidc_well_known_url text NOT NULL DEFAULT '',
        oidc_jwks_url text NOT NULL DEFAULT '',
        oidc_jwks jsonb NOT NULL DEFAULT '{}'
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE core.oauth_sources`);
    await q.query(`DROP TABLE core.sources`);
  }
}
