import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What a policy binding can be attached to; each kind is its own foreign key column. */
export const BINDING_TARGET_KINDS = ['flow', 'flow_stage_binding', 'application', 'source', 'notification_rule'] as const;
export type BindingTargetKind = (typeof BINDING_TARGET_KINDS)[number];

/**
 * Attaches a policy, a group or a user to a target (a flow, a flow-stage binding, an
 * application, a source or a notification rule). A target passes when its bindings pass in
 * its engine mode; none passes.
 */
@Entity({ name: 'policy_bindings' })
export class PolicyBindingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'target_flow_id', type: 'uuid', nullable: true })
  targetFlowId!: string | null;

  @Column({ name: 'target_flow_stage_binding_id', type: 'uuid', nullable: true })
  targetFlowStageBindingId!: string | null;

  @Column({ name: 'target_application_id', type: 'uuid', nullable: true })
  targetApplicationId!: string | null;

  @Column({ name: 'target_source_id', type: 'uuid', nullable: true })
  targetSourceId!: string | null;

  /** Bindings of a notification rule decide which events the rule matches. */
  @Column({ name: 'target_notification_rule_id', type: 'uuid', nullable: true })
  targetNotificationRuleId!: string | null;

  @Column({ name: 'policy_id', type: 'uuid', nullable: true })
  policyId!: string | null;

  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId!: string | null;

  @Column({ name: 'user_id', type: 'integer', nullable: true })
  userId!: number | null;

  @Column({ type: 'integer' })
  order!: number;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ type: 'boolean', default: false })
  negate!: boolean;

  /** Seconds a policy may take before it counts as failed. */
  @Column({ type: 'integer', default: 30 })
  timeout!: number;

  /** The result used when the policy throws or times out. */
  @Column({ name: 'failure_result', type: 'boolean', default: false })
  failureResult!: boolean;

  /** The target's id, whatever its kind. */
  get target(): string {
    return (this.targetFlowId ??
      this.targetFlowStageBindingId ??
      this.targetApplicationId ??
      this.targetSourceId ??
      this.targetNotificationRuleId) as string;
  }
}
