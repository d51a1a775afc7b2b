import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sources can carry policy bindings (who may log in or enroll through a source), like flows and
 * applications: one more nullable target column, cascading when the source is deleted.
 */
export class PolicyBindingsOnSources1764374400045 implements MigrationInterface {
  name = 'PolicyBindingsOnSources1764374400045';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE core.policy_bindings ADD COLUMN target_source_id uuid REFERENCES core.sources (id) ON DELETE CASCADE`);
    await q.query(`ALTER TABLE core.policy_bindings DROP CONSTRAINT policy_bindings_one_target`);
    await q.query(`
      ALTER TABLE core.policy_bindings ADD CONSTRAINT policy_bindings_one_target
        CHECK (num_nonnulls(target_flow_id, target_flow_stage_binding_id, target_application_id, target_source_id) = 1)`);
    await q.query(`CREATE INDEX policy_bindings_source ON core.policy_bindings (target_source_id) WHERE target_source_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM core.policy_bindings WHERE target_source_id IS NOT NULL`);
    await q.query(`ALTER TABLE core.policy_bindings DROP CONSTRAINT policy_bindings_one_target`);
    await q.query(`
      ALTER TABLE core.policy_bindings ADD CONSTRAINT policy_bindings_one_target
        CHECK (num_nonnulls(target_flow_id, target_flow_stage_binding_id, target_application_id) = 1)`);
    await q.query(`ALTER TABLE core.policy_bindings DROP COLUMN target_source_id`);
  }
}
