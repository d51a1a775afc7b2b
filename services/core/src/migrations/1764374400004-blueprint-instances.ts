import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Blueprint instances: which blueprint files (or inline blueprints) are applied, and how it went. */
export class BlueprintInstances1764374400004 implements MigrationInterface {
  name = 'BlueprintInstances1764374400004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.blueprint_instances (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        path text NOT NULL DEFAULT '',
        content text NOT NULL DEFAULT '',
        context jsonb NOT NULL DEFAULT '{}',
        metadata jsonb NOT NULL DEFAULT '{}',
        enabled boolean NOT NULL DEFAULT true,
        status varchar(16) NOT NULL DEFAULT 'unknown' CHECK (status IN ('successful', 'warning', 'error', 'orphaned', 'unknown')),
        last_applied timestamptz,
        last_applied_hash text NOT NULL DEFAULT '',
        last_error text NOT NULL DEFAULT '',
        managed_models jsonb NOT NULL DEFAULT '[]',
        created timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT blueprint_instances_name_unique UNIQUE (name)
      )`);
    await q.query(`CREATE UNIQUE INDEX blueprint_instances_path ON core.blueprint_instances (path) WHERE path <> ''`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE core.blueprint_instances`);
  }
}
