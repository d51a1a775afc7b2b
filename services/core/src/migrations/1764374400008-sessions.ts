import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Login sessions (server side; the browser holds only the key, core only its digest). */
export class Sessions1764374400008 implements MigrationInterface {
  name = 'Sessions1764374400008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key_digest text NOT NULL,
        user_id integer NOT NULL REFERENCES core.users (id) ON DELETE CASCADE,
        created timestamptz NOT NULL DEFAULT now(),
        expires timestamptz NOT NULL,
        browser_session boolean NOT NULL DEFAULT false,
        last_ip text NOT NULL DEFAULT '',
        last_user_agent text NOT NULL DEFAULT '',
        last_used timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sessions_key_digest_unique UNIQUE (key_digest)
      )`);
    await q.query(`CREATE INDEX sessions_user ON core.sessions (user_id)`);
    await q.query(`CREATE INDEX sessions_expires ON core.sessions (expires)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE core.sessions`);
  }
}
