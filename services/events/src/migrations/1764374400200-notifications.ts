import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Notifications of users, from notification rules matching events. */
export class Notifications1764374400200 implements MigrationInterface {
  name = 'Notifications1764374400200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE events.notifications (
        pk uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_pk varchar(64) NOT NULL,
        severity varchar(16) NOT NULL,
        body text NOT NULL,
        event_id uuid REFERENCES events.events (event_uuid) ON DELETE CASCADE,
        created timestamptz NOT NULL DEFAULT now(),
        seen boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE INDEX notifications_user_created ON events.notifications (user_pk, created DESC)`);
    // The event purge deletes notifications through the foreign key; without this index each deleted event scans the table.
    await q.query(`CREATE INDEX notifications_event ON events.notifications (event_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE events.notifications`);
  }
}
