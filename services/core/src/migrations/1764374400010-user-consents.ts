import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users' consents to applications, recorded by consent stages. */
export class UserConsents1764374400010 implements MigrationInterface {
  name = 'UserConsents1764374400010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.user_consents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id integer NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
        application_id uuid NOT NULL REFERENCES core.applications (id) ON DELETE CASCADE,
        permissions text NOT NULL DEFAULT '',
        expires timestamptz,
        created timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT user_consents_unique UNIQUE (user_id, application_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE core.user_consents`);
  }
}
