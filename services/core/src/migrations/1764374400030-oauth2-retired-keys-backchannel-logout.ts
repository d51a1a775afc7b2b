import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signing keys an OAuth2 provider used before its current one, kept verifiable (published in
 * its JWKS) until the tokens they signed have expired; and the back-channel logout URI of
 * each provider's relying party (empty: none).
 */
export class OAuth2RetiredKeysBackchannelLogout1764374400030 implements MigrationInterface {
  name = 'OAuth2RetiredKeysBackchannelLogout1764374400030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.oauth2_provider_retired_keys (
        provider_id integer NOT NULL REFERENCES core.oauth2_providers (provider_id) ON DELETE CASCADE,
        certificate_key_pair_id uuid NOT NULL REFERENCES core.certificate_key_pairs (id) ON DELETE CASCADE,
        retired_at timestamptz NOT NULL DEFAULT now(),
        verify_until timestamptz NOT NULL,
        PRIMARY KEY (provider_id, certificate_key_pair_id)
      )`);
    await q.query(`ALTER TABLE core.oauth2_providers ADD COLUMN backchannel_logout_uri text NOT NULL DEFAULT ''`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE core.oauth2_providers DROP COLUMN backchannel_logout_uri`);
    await q.query(`DROP TABLE core.oauth2_provider_retired_keys`);
  }
}
