import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A session can be impersonating: it then acts as its user while remembering the admin who started it. */
export class SessionImpersonation1764374400046 implements MigrationInterface {
  name = 'SessionImpersonation1764374400046';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE core.sessions ADD COLUMN impersonator_id integer REFERENCES core.users (id) ON DELETE CASCADE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE core.sessions DROP COLUMN impersonator_id`);
  }
}
