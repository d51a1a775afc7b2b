import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { TaskRun } from './task-runner.js';

const RUNS = 'authmesh_system_task_runs_total';
const DURATION = 'authmesh_system_task_duration_seconds';
const LAST_SUCCESS = 'authmesh_system_task_last_success_timestamp_seconds';

/**
 * The Prometheus metrics of background tasks. Every service of a process shares one registry,
 * so the metrics are created by the first runner and found by the others.
 */
export class TaskMetrics {
  private constructor(
    private readonly runs: Counter<'service' | 'task' | 'status'>,
    private readonly duration: Histogram<'service' | 'task'>,
    private readonly lastSuccess: Gauge<'service' | 'task'>,
  ) {}

  /** The task metrics of `registry`, registered there on first use. */
  static in(registry: Registry): TaskMetrics {
    const runs =
      (registry.getSingleMetric(RUNS) as Counter<'service' | 'task' | 'status'> | undefined) ??
      new Counter({
        name: RUNS,
        help: 'Runs of background tasks, by outcome',
        labelNames: ['service', 'task', 'status'],
        registers: [registry],
      });
    const duration =
      (registry.getSingleMetric(DURATION) as Histogram<'service' | 'task'> | undefined) ??
      new Histogram({
        name: DURATION,
        help: 'How long background task runs took',
        labelNames: ['service', 'task'],
        buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
        registers: [registry],
      });
    const lastSuccess =
      (registry.getSingleMetric(LAST_SUCCESS) as Gauge<'service' | 'task'> | undefined) ??
      new Gauge({
        name: LAST_SUCCESS,
        help: 'When each background task last finished without error (Unix time)',
        labelNames: ['service', 'task'],
        registers: [registry],
      });
    return new TaskMetrics(runs, duration, lastSuccess);
  }

  /** Counts and times one finished run. */
  observe(run: TaskRun): void {
    const labels = { service: run.service, task: run.name };
    this.runs.inc({ ...labels, status: run.status });
    this.duration.observe(labels, run.duration);
    if (run.status !== 'error') this.lastSuccess.set(labels, run.finished.getTime() / 1000);
  }
}
