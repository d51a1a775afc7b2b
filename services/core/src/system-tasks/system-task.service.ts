import { Inject, Injectable } from '@nestjs/common';
import { Subjects, type Bus, type BusSubscription } from '@authmesh/bus';
import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError, UnavailableError, type TaskRun, type TaskRunner, type TaskRunRequestedPayload } from '@authmesh/runtime';
import { CORE_OPTIONS } from '../core.tokens.js';
import type { CoreOptions } from '../core.options.js';
import { taskAnnouncedSchema, taskFinishedSchema, type TaskListFilters, type TaskRead } from './system-task.dto.js';
import type { SystemTaskEntity } from './system-task.entity.js';
import { SystemTaskRepository } from './system-task.repository.js';

/**
 * System tasks: the background work of every service, as the services report it. Core keeps
 * the latest run of each task (a service that stops reporting keeps its last state) and asks
 * the owning service to run a task now.
 */
@Injectable()
export class SystemTaskService {
  /** Core's own runner: its runs are recorded directly and run requests need no bus. */
  private local?: TaskRunner;

  constructor(
    private readonly tasks: SystemTaskRepository,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async list(filters: TaskListFilters, query: ListQuery): Promise<Paginated<TaskRead>> {
    const [rows, count] = await this.tasks.list(filters, query);
    return paginate(rows.map(serializeTask), count, query);
  }

  async get(uid: string): Promise<TaskRead> {
    return serializeTask(await this.require(uid));
  }

  /** Asks the task's service to run it now; the result arrives later like any run's. */
  async requestRun(uid: string): Promise<{ detail: string }> {
    const task = await this.require(uid);
    if (task.service === 'core' && this.local?.has(task.name)) {
      // The request answers at once; the run reports (and logs its errors) by itself.
      this.local.runNow(task.name).catch(() => undefined);
    } else {
      const request: TaskRunRequestedPayload = { service: task.service, name: task.name };
      await this.options.bus.publish(Subjects.taskRunRequested, request).catch((error: unknown) => {
        this.options.logger.warn({ err: (error as Error).message, uid }, 'task run request not published');
        throw new UnavailableError('The message bus is unavailable: the task could not be requested.');
      });
    }
    return { detail: `The ${task.service} service was asked to run ${task.name}.` };
  }

  /** Uses `runner` for core's own tasks. */
  attachLocal(runner: TaskRunner): void {
    this.local = runner;
  }

  /** Stores a finished run as the task's latest state. */
  async record(run: TaskRun): Promise<void> {
    await this.tasks.recordRun({
      service: run.service,
      name: run.name,
      description: run.description,
      status: run.status,
      messages: run.messages,
      started: run.started,
      lastRun: run.finished,
      duration: run.duration,
    });
  }

  /** Lists a task (status unknown until it runs), keeping the last run of one already known. */
  announce(service: string, task: { name: string; description: string; intervalMs: number }): Promise<void> {
    return this.tasks.announce(service, task.name, task.description, task.intervalMs / 1000);
  }

  /** Records what the other services report over the bus; malformed reports are logged and dropped. */
  async listen(bus: Bus): Promise<BusSubscription[]> {
    const logger = this.options.logger;
    const announced = await bus.subscribe(Subjects.taskAnnounced, async (message) => {
      const parsed = taskAnnouncedSchema.safeParse(message.data);
      if (!parsed.success) return logger.warn({ subject: message.subject }, 'malformed task announcement dropped');
      const { service, name, description, interval_seconds } = parsed.data;
      await this.announce(service, { name, description, intervalMs: interval_seconds * 1000 }).catch((error: unknown) =>
        logger.error({ err: error, service, task: name }, 'task announcement not stored'),
      );
    });
    const finished = await bus.subscribe(Subjects.taskFinished, async (message) => {
      const parsed = taskFinishedSchema.safeParse(message.data);
      if (!parsed.success) return logger.warn({ subject: message.subject }, 'malformed task report dropped');
      const run = parsed.data;
      await this.record({ ...run, started: new Date(run.started), finished: new Date(run.finished) }).catch((error: unknown) =>
        logger.error({ err: error, service: run.service, task: run.name }, 'task run not stored'),
      );
    });
    return [announced, finished];
  }

  private async require(uid: string): Promise<SystemTaskEntity> {
    const [service, name, ...rest] = uid.split('.');
    const task = rest.length === 0 && service && name ? await this.tasks.find(service, name) : null;
    if (!task) throw new NotFoundError();
    return task;
  }
}

function serializeTask(task: SystemTaskEntity): TaskRead {
  return {
    uid: `${task.service}.${task.name}`,
    service: task.service,
    name: task.name,
    description: task.description,
    status: task.status,
    messages: task.messages,
    last_run: task.lastRun?.toISOString() ?? null,
    started: task.started?.toISOString() ?? null,
    duration: task.duration,
    interval_seconds: task.intervalSeconds,
  };
}
