import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The OAuth2 runtime's state: every artifact oidc-provider stores (authorization codes,
 * access and refresh tokens, grants, device codes, sessions, interactions, PAR requests) as
 * one row per model and id, so any replica can serve any request.
 */
export class OidcModels1764374400400 implements MigrationInterface {
  name = 'OidcModels1764374400400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE oauth2.oidc_models (
        model varchar(64) NOT NULL,
        id text NOT NULL,
        payload jsonb NOT NULL,
        grant_id text,
        user_code text,
        uid text,
        expires_at timestamptz,
        consumed_at timestamptz,
        PRIMARY KEY (model, id)
      )`);
    await q.query(`CREATE INDEX oidc_models_grant ON oauth2.oidc_models (grant_id) WHERE grant_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX oidc_models_user_code ON oauth2.oidc_models (model, user_code) WHERE user_code IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX oidc_models_uid ON oauth2.oidc_models (model, uid) WHERE uid IS NOT NULL`);
    await q.query(`CREATE INDEX oidc_models_expires ON oauth2.oidc_models (expires_at) WHERE expires_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE oauth2.oidc_models`);
  }
}
