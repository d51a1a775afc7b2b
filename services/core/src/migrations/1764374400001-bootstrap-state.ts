import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Records whether first-start setup has run, so it never re-opens. */
export class BootstrapState1764374400001 implements MigrationInterface {
  name = 'BootstrapState1764374400001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.bootstrap (
        id smallint PRIMARY KEY CHECK (id = 1),
        done boolean NOT NULL DEFAULT false,
        done_at timestamptz
      )`);
    await q.query(`INSERT INTO core.bootstrap (id) VALUES (1)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE core.bootstrap`);
  }
}
