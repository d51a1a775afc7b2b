import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const FLOW_DESIGNATIONS = [
  'authentication',
  'authorization',
  'invalidation',
  'enrollment',
  'unenrollment',
  'recovery',
  'stage_configuration',
] as const;
export const FLOW_LAYOUTS = ['stacked', 'content_left', 'content_right', 'sidebar_left', 'sidebar_right'] as const;
export const FLOW_DENIED_ACTIONS = ['message_continue', 'message', 'continue'] as const;
export const FLOW_AUTHENTICATION = ['none', 'require_authenticated', 'require_unauthenticated', 'require_superuser'] as const;

@Entity({ name: 'flows' })
export class FlowEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'varchar', length: 50 })
  slug!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'varchar', length: 32 })
  designation!: (typeof FLOW_DESIGNATIONS)[number];

  @Column({ type: 'text', default: '' })
  background!: string;

  @Column({ name: 'policy_engine_mode', type: 'varchar', length: 8, default: 'any' })
  policyEngineMode!: 'any' | 'all';

  @Column({ name: 'compatibility_mode', type: 'boolean', default: false })
  compatibilityMode!: boolean;

  @Column({ type: 'varchar', length: 16, default: 'stacked' })
  layout!: (typeof FLOW_LAYOUTS)[number];

  @Column({ name: 'denied_action', type: 'varchar', length: 20, default: 'message_continue' })
  deniedAction!: (typeof FLOW_DENIED_ACTIONS)[number];

  @Column({ type: 'varchar', length: 32, default: 'none' })
  authentication!: (typeof FLOW_AUTHENTICATION)[number];
}
