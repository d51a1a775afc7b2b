import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Flow executions (server-side plan state, keyed by a digest of the browser's flow cookie) and reputation scores. */
export class ExecutionsReputation1764374400200 implements MigrationInterface {
  name = 'ExecutionsReputation1764374400200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE flows.executions (
        key_digest text NOT NULL,
        flow_slug varchar(50) NOT NULL,
        state jsonb NOT NULL,
        created timestamptz NOT NULL DEFAULT now(),
        expires timestamptz NOT NULL,
        PRIMARY KEY (key_digest, flow_slug)
      )`);
    await q.query(`CREATE INDEX executions_expires ON flows.executions (expires)`);
    await q.query(`
      CREATE TABLE flows.reputation (
        kind varchar(8) NOT NULL CHECK (kind IN ('ip', 'username')),
        identifier text NOT NULL,
        score integer NOT NULL DEFAULT 0,
        updated timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, identifier)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE flows.reputation`);
    await q.query(`DROP TABLE flows.executions`);
  }
}
