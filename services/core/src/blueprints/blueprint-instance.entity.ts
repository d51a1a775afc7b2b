import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const INSTANCE_STATUSES = ['successful', 'warning', 'error', 'orphaned', 'unknown'] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

@Entity({ name: 'blueprint_instances' })
export class BlueprintInstanceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Path relative to a blueprint folder; empty for inline content. */
  @Column({ type: 'text', default: '' })
  path!: string;

  @Column({ type: 'text', default: '' })
  content!: string;

  @Column({ type: 'jsonb', default: {} })
  context!: Record<string, unknown>;

  @Column({ type: 'jsonb', default: {} })
  metadata!: { name?: string; labels?: Record<string, string> };

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ type: 'varchar', length: 16, default: 'unknown' })
  status!: InstanceStatus;

  @Column({ name: 'last_applied', type: 'timestamptz', nullable: true })
  lastApplied!: Date | null;

  @Column({ name: 'last_applied_hash', type: 'text', default: '' })
  lastAppliedHash!: string;

  @Column({ name: 'last_error', type: 'text', default: '' })
  lastError!: string;

  /** The objects the last application touched, as `model:pk`. */
  @Column({ name: 'managed_models', type: 'jsonb', default: [] })
  managedModels!: string[];
}
