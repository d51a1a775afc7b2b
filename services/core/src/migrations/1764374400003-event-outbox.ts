import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Events that could not be published yet (bus unreachable); a relay retries them. */
export class EventOutbox1764374400003 implements MigrationInterface {
  name = 'EventOutbox1764374400003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.event_outbox (
        id uuid PRIMARY KEY,
        subject text NOT NULL,
        payload jsonb NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        created timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX event_outbox_created ON core.event_outbox (created)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE core.event_outbox`);
  }
}
