import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const INVALID_RESPONSE_ACTIONS = ['retry', 'restart', 'restart_with_context'] as const;

/** A stage placed in a flow at an order. */
@Entity({ name: 'flow_stage_bindings' })
export class FlowStageBindingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'flow_id', type: 'uuid' })
  flowId!: string;

  @Column({ name: 'stage_id', type: 'uuid' })
  stageId!: string;

  @Column({ type: 'integer' })
  order!: number;

  @Column({ name: 'evaluate_on_plan', type: 'boolean', default: false })
  evaluateOnPlan!: boolean;

  @Column({ name: 're_evaluate_policies', type: 'boolean', default: true })
  reEvaluatePolicies!: boolean;

  @Column({ name: 'policy_engine_mode', type: 'varchar', length: 8, default: 'any' })
  policyEngineMode!: 'any' | 'all';

  @Column({ name: 'invalid_response_action', type: 'varchar', length: 24, default: 'retry' })
  invalidResponseAction!: (typeof INVALID_RESPONSE_ACTIONS)[number];
}
