import type { MigrationInterface, QueryRunner } from 'typeorm';

/** WebAuthn credentials: looked up by credential id (passwordless), with a signature counter. */
export class WebauthnCredentials1764374400012 implements MigrationInterface {
  name = 'WebauthnCredentials1764374400012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE core.authenticator_devices ADD COLUMN credential_id text`);
    await q.query(`ALTER TABLE core.authenticator_devices ADD COLUMN sign_count bigint NOT NULL DEFAULT 0`);
    await q.query(
      `CREATE UNIQUE INDEX authenticator_devices_credential ON core.authenticator_devices (credential_id) WHERE credential_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX core.authenticator_devices_credential`);
    await q.query(`ALTER TABLE core.authenticator_devices DROP COLUMN sign_count, DROP COLUMN credential_id`);
  }
}
