import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users' authenticator devices (second factors). */
export class AuthenticatorDevices1764374400011 implements MigrationInterface {
  name = 'AuthenticatorDevices1764374400011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.authenticator_devices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id integer NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
        type varchar(16) NOT NULL CHECK (type IN ('totp', 'static', 'webauthn', 'sms', 'duo')),
        name text NOT NULL,
        confirmed boolean NOT NULL DEFAULT false,
        secret_sealed text,
        data jsonb NOT NULL DEFAULT '{}',
        last_step bigint NOT NULL DEFAULT 0,
        created timestamptz NOT NULL DEFAULT now(),
        last_used timestamptz
      )`);
    await q.query(`CREATE INDEX authenticator_devices_user ON core.authenticator_devices (user_id, type)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE core.authenticator_devices`);
  }
}
