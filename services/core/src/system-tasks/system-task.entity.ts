import { Column, Entity, PrimaryColumn } from 'typeorm';

export const TASK_STATUSES = ['successful', 'warning', 'error', 'unknown'] as const;
export type SystemTaskStatus = (typeof TASK_STATUSES)[number];

/** The latest known run of one background task of one service. */
@Entity({ name: 'system_tasks' })
export class SystemTaskEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  service!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  /** How often the task runs on its own, as its service announced; null when never announced. */
  @Column({ name: 'interval_seconds', type: 'double precision', nullable: true })
  intervalSeconds!: number | null;

  @Column({ type: 'varchar', length: 16, default: 'unknown' })
  status!: SystemTaskStatus;

  @Column({ type: 'jsonb', default: [] })
  messages!: string[];

  @Column({ type: 'timestamptz', nullable: true })
  started!: Date | null;

  /** When the last run ended; null before the first run. */
  @Column({ name: 'last_run', type: 'timestamptz', nullable: true })
  lastRun!: Date | null;

  /** Seconds the last run took. */
  @Column({ type: 'double precision', nullable: true })
  duration!: number | null;
}
