import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const NOTIFICATION_SEVERITIES = ['notice', 'warning', 'alert'] as const;
export type NotificationSeverity = (typeof NOTIFICATION_SEVERITIES)[number];

/**
 * Whom to notify, how urgently and through which transports when an event matches the rule's
 * policy bindings. A rule without a group is disabled. Its transports live in the join table
 * core.notification_rule_transports (see NotificationRuleRepository).
 */
@Entity({ name: 'notification_rules' })
export class NotificationRuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'varchar', length: 16, default: 'notice' })
  severity!: NotificationSeverity;

  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId!: string | null;

  /** How the rule's policy bindings combine: any one passing, or all of them. */
  @Column({ name: 'policy_engine_mode', type: 'varchar', length: 8, default: 'any' })
  policyEngineMode!: 'any' | 'all';
}
