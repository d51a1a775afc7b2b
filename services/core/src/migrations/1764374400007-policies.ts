import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Policies (one table; each type's settings in `config`) and policy bindings on flows, stage bindings and applications. */
export class Policies1764374400007 implements MigrationInterface {
  name = 'Policies1764374400007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        type varchar(64) NOT NULL,
        execution_logging boolean NOT NULL DEFAULT false,
        config jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT policies_name_unique UNIQUE (name)
      )`);
    await q.query(`CREATE INDEX policies_type ON core.policies (type)`);
    // One nullable foreign key per target kind keeps deletes cascading without triggers.
    await q.query(`
      CREATE TABLE core.policy_bindings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        target_flow_id uuid REFERENCES core.flows (id) ON DELETE CASCADE,
        target_flow_stage_binding_id uuid REFERENCES core.flow_stage_bindings (id) ON DELETE CASCADE,
        target_application_id uuid REFERENCES core.applications (id) ON DELETE CASCADE,
        policy_id uuid REFERENCES core.policies (id) ON DELETE CASCADE,
        group_id uuid REFERENCES core.groups (id) ON DELETE CASCADE,
        user_id integer REFERENCES core.users (id) ON DELETE CASCADE,
        "order" integer NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        negate boolean NOT NULL DEFAULT false,
        timeout integer NOT NULL DEFAULT 30 CHECK (timeout > 0),
        failure_result boolean NOT NULL DEFAULT false,
        CONSTRAINT policy_bindings_one_target CHECK (num_nonnulls(target_flow_id, target_flow_stage_binding_id, target_application_id) = 1),
        CONSTRAINT policy_bindings_one_subject CHECK (num_nonnulls(policy_id, group_id, user_id) = 1)
      )`);
    await q.query(`CREATE INDEX policy_bindings_flow ON core.policy_bindings (target_flow_id) WHERE target_flow_id IS NOT NULL`);
    await q.query(
      `CREATE INDEX policy_bindings_stage_binding ON core.policy_bindings (target_flow_stage_binding_id) WHERE target_flow_stage_binding_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX policy_bindings_application ON core.policy_bindings (target_application_id) WHERE target_application_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX policy_bindings_policy ON core.policy_bindings (policy_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE core.policy_bindings`);
    await q.query(`DROP TABLE core.policies`);
  }
}
