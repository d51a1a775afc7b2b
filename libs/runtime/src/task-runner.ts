import type { Logger } from '@authmesh/logger';
import type { Registry } from 'prom-client';
import { TaskMetrics } from './task-metrics.js';

/** How a run ended; `unknown` only describes a task that has not run yet. */
export type TaskStatus = 'successful' | 'warning' | 'error' | 'unknown';

/** What a task's `run()` may answer: messages for the admin, and a warning instead of success. */
export interface TaskOutcome {
  status?: 'successful' | 'warning' | 'error';
  messages?: string[];
}

/** Handed to a running task so it can say how far it got. */
export interface TaskContext {
  /** Records progress (0–100) and what the task is doing now; logged and kept until the run ends. */
  progress(percent: number, message?: string): void;
}

/** A named piece of background work a service runs on an interval. */
export interface SystemTask {
  /** Unique within the service; lower case letters, digits, `_` and `-` (it appears in URLs). */
  name: string;
  /** What the task does, in a sentence, for the admin's task list. */
  description: string;
  intervalMs: number;
  /** Runs once right after `start()`, before the first interval has passed. */
  runAtStart?: boolean;
  /**
   * False for very frequent housekeeping (every few seconds) that is scheduled and measured
   * like the others but not reported to core: a record of each run would be noise.
   */
  reported?: boolean;
  /** Resolves with an outcome, or with nothing for a plain success. */
  run(context: TaskContext): Promise<TaskOutcome> | Promise<void>;
}

/** The result of one run, as it is reported to core. */
export interface TaskRun {
  service: string;
  name: string;
  description: string;
  status: Exclude<TaskStatus, 'unknown'>;
  messages: string[];
  started: Date;
  finished: Date;
  /** Seconds. */
  duration: number;
}

/** Where a task stands now. */
export interface TaskState {
  name: string;
  description: string;
  running: boolean;
  progress?: { percent: number; message?: string };
  last?: TaskRun;
}

export interface TaskRunnerOptions {
  service: string;
  logger: Logger;
  /** The process's Prometheus registry; shared by every service of a process. */
  metrics?: Registry;
  /** Called with every finished run of a reported task (publishes it, or records it in core). */
  report?(run: TaskRun): void | Promise<void>;
  /** Called once per reported task at `start()`, so core lists it before its first run. */
  announce?(task: Pick<SystemTask, 'name' | 'description' | 'intervalMs'>): void | Promise<void>;
}

const TASK_NAME = /^[a-z0-9_-]{1,64}$/;

interface Entry {
  task: SystemTask;
  timer?: NodeJS.Timeout;
  running?: Promise<TaskRun>;
  progress?: { percent: number; message?: string };
  last?: TaskRun;
}

/**
 * Runs a service's background tasks on their intervals: never two runs of one task at once,
 * every error caught and recorded as the run's status (the process never crashes for a task),
 * each run logged, measured and reported.
 */
export class TaskRunner {
  readonly service: string;
  private readonly entries = new Map<string, Entry>();
  private readonly metrics?: TaskMetrics;
  private started = false;
  private stopped = false;

  constructor(private readonly options: TaskRunnerOptions) {
    this.service = options.service;
    if (options.metrics) this.metrics = TaskMetrics.in(options.metrics);
  }

  /** Adds a task; its timer starts with `start()` (or at once when the runner already started). */
  register(task: SystemTask): void {
    if (!TASK_NAME.test(task.name)) throw new Error(`invalid task name "${task.name}"`);
    if (this.entries.has(task.name)) throw new Error(`task "${task.name}" is registered twice`);
    if (!(task.intervalMs > 0)) throw new Error(`task "${task.name}" needs a positive interval`);
    const entry: Entry = { task };
    this.entries.set(task.name, entry);
    if (this.started && !this.stopped) this.schedule(entry);
  }

  /** Starts every task's timer, announces the reported ones and runs those marked `runAtStart`. */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const entry of this.entries.values()) this.schedule(entry);
  }

  /** Whether a task of this name is registered. */
  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The reported tasks (those core lists). */
  reportedTasks(): SystemTask[] {
    return [...this.entries.values()].filter((entry) => entry.task.reported !== false).map((entry) => entry.task);
  }

  /** Where each task stands: running or not, its progress and its last run. */
  states(): TaskState[] {
    return [...this.entries.values()].map((entry) => ({
      name: entry.task.name,
      description: entry.task.description,
      running: entry.running !== undefined,
      progress: entry.progress,
      last: entry.last,
    }));
  }

  /**
   * Runs a task now, unless it is running already: then the run in progress is the answer.
   * Resolves with the run's result (never rejects for the task's own errors).
   */
  runNow(name: string): Promise<TaskRun> {
    const entry = this.entries.get(name);
    if (!entry) return Promise.reject(new Error(`no task "${name}" in service ${this.service}`));
    if (this.stopped) return Promise.reject(new Error('the task runner is stopped'));
    return entry.running ?? this.execute(entry);
  }

  /** Stops every timer and waits for the runs in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    const running: Array<Promise<TaskRun>> = [];
    for (const entry of this.entries.values()) {
      if (entry.timer) clearInterval(entry.timer);
      entry.timer = undefined;
      if (entry.running) running.push(entry.running);
    }
    await Promise.allSettled(running);
  }

  private schedule(entry: Entry): void {
    const { task } = entry;
    if (task.reported !== false && this.options.announce) {
      Promise.resolve(this.options.announce({ name: task.name, description: task.description, intervalMs: task.intervalMs })).catch(
        (error: unknown) => this.options.logger.warn({ task: task.name, err: (error as Error).message }, 'task not announced'),
      );
    }
    entry.timer = setInterval(() => this.tick(entry), task.intervalMs);
    entry.timer.unref();
    if (task.runAtStart) this.tick(entry);
  }

  /** A timer tick: skipped while the previous run of the same task still runs. */
  private tick(entry: Entry): void {
    if (this.stopped) return;
    if (entry.running) {
      this.options.logger.debug({ task: entry.task.name }, 'task still running, tick skipped');
      return;
    }
    void this.execute(entry);
  }

  private execute(entry: Entry): Promise<TaskRun> {
    const running = this.perform(entry).finally(() => {
      entry.running = undefined;
      entry.progress = undefined;
    });
    entry.running = running;
    return running;
  }

  private async perform(entry: Entry): Promise<TaskRun> {
    const { task } = entry;
    const logger = this.options.logger.child({ task: task.name });
    const started = new Date();
    const begin = process.hrtime.bigint();
    let status: TaskRun['status'] = 'successful';
    let messages: string[] = [];
    try {
      const outcome: TaskOutcome | undefined = (await task.run({
        progress: (percent, message) => {
          entry.progress = { percent: Math.max(0, Math.min(100, percent)), message };
          logger.debug({ percent: entry.progress.percent, message }, 'task progress');
        },
      })) as TaskOutcome | undefined;
      status = outcome?.status ?? 'successful';
      messages = (outcome?.messages ?? []).map(String);
    } catch (error) {
      status = 'error';
      messages = [error instanceof Error ? error.message : String(error)];
    }
    const duration = Number(process.hrtime.bigint() - begin) / 1e9;
    const run: TaskRun = {
      service: this.service,
      name: task.name,
      description: task.description,
      status,
      messages,
      started,
      finished: new Date(),
      duration,
    };
    entry.last = run;
    this.metrics?.observe(run);
    const fields = { status, duration, messages };
    if (status === 'error') logger.error(fields, 'task failed');
    else if (status === 'warning') logger.warn(fields, 'task finished with warnings');
    else if (task.reported === false) logger.debug(fields, 'task finished');
    else logger.info(fields, 'task finished');
    if (task.reported !== false && this.options.report) {
      try {
        await this.options.report(run);
      } catch (error) {
        logger.warn({ err: (error as Error).message }, 'task run not reported');
      }
    }
    return run;
  }
}
