import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The event log. */
export class EventLog1764374400100 implements MigrationInterface {
  name = 'EventLog1764374400100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE events.events (
        event_uuid uuid PRIMARY KEY,
        action varchar(64) NOT NULL,
        app varchar(128) NOT NULL DEFAULT '',
        "user" jsonb NOT NULL DEFAULT '{}',
        context jsonb NOT NULL DEFAULT '{}',
        client_ip varchar(64) NOT NULL DEFAULT '',
        brand jsonb NOT NULL DEFAULT '{}',
        created timestamptz NOT NULL DEFAULT now(),
        expires timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX events_created ON events.events (created DESC)`);
    await q.query(`CREATE INDEX events_action ON events.events (action, created DESC)`);
    await q.query(`CREATE INDEX events_username ON events.events (("user"->>'username'))`);
    await q.query(`CREATE INDEX events_expires ON events.events (expires)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE events.events`);
  }
}
