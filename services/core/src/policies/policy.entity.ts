import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A policy of any type; the type's own settings live in `config`, validated by the type's schema. */
@Entity({ name: 'policies' })
export class PolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The policy type, e.g. `expression` (see policies/types). */
  @Column({ type: 'varchar', length: 64 })
  type!: string;

  /** Record an event for every evaluation, not only failures. */
  @Column({ name: 'execution_logging', type: 'boolean', default: false })
  executionLogging!: boolean;

  @Column({ type: 'jsonb', default: {} })
  config!: Record<string, unknown>;
}
