import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Stages (one table; each type's settings in `config`, validated by the type) and flow-stage bindings. */
export class StagesAndBindings1764374400006 implements MigrationInterface {
  name = 'StagesAndBindings1764374400006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.stages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        type varchar(64) NOT NULL,
        config jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT stages_name_unique UNIQUE (name)
      )`);
    await q.query(`CREATE INDEX stages_type ON core.stages (type)`);
    await q.query(`
      CREATE TABLE core.flow_stage_bindings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        flow_id uuid NOT NULL REFERENCES core.flows (id) ON DELETE CASCADE,
        stage_id uuid NOT NULL REFERENCES core.stages (id) ON DELETE CASCADE,
        "order" integer NOT NULL,
        evaluate_on_plan boolean NOT NULL DEFAULT false,
        re_evaluate_policies boolean NOT NULL DEFAULT true,
        policy_engine_mode varchar(8) NOT NULL DEFAULT 'any' CHECK (policy_engine_mode IN ('any', 'all')),
        invalid_response_action varchar(24) NOT NULL DEFAULT 'retry' CHECK (invalid_response_action IN ('retry', 'restart', 'restart_with_context')),
        CONSTRAINT flow_stage_bindings_unique UNIQUE (flow_id, stage_id, "order")
      )`);
    await q.query(`CREATE INDEX flow_stage_bindings_flow ON core.flow_stage_bindings (flow_id, "order")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE core.flow_stage_bindings`);
    await q.query(`DROP TABLE core.stages`);
  }
}
