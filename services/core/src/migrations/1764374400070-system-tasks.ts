import type { MigrationInterface, QueryRunner } from 'typeorm';

/** System tasks: the latest run of each background task of each service, as reported over the bus. */
export class SystemTasks1764374400070 implements MigrationInterface {
  name = 'SystemTasks1764374400070';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.system_tasks (
        service varchar(64) NOT NULL,
        name varchar(64) NOT NULL,
        description text NOT NULL DEFAULT '',
        interval_seconds double precision,
        status varchar(16) NOT NULL DEFAULT 'unknown' CHECK (status IN ('successful', 'warning', 'error', 'unknown')),
        messages jsonb NOT NULL DEFAULT '[]',
        started timestamptz,
        last_run timestamptz,
        duration double precision,
        PRIMARY KEY (service, name)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE core.system_tasks`);
  }
}
