import { Subjects, type Bus, type BusSubscription } from '@authmesh/bus';
import type { Logger } from '@authmesh/logger';
import type { Registry } from 'prom-client';
import { TaskRunner, type SystemTask, type TaskRun, type TaskRunnerOptions } from './task-runner.js';

/** `authmesh.tasks.v1.announced` (TaskAnnounced in proto/authmesh/tasks/v1/tasks.proto). */
export interface TaskAnnouncedPayload {
  service: string;
  name: string;
  description: string;
  interval_seconds: number;
}

/** `authmesh.tasks.v1.finished` (TaskFinished in proto/authmesh/tasks/v1/tasks.proto). */
export interface TaskFinishedPayload {
  service: string;
  name: string;
  description: string;
  status: TaskRun['status'];
  messages: string[];
  started: string;
  finished: string;
  duration: number;
}

/** `authmesh.tasks.v1.run_requested` (TaskRunRequested in proto/authmesh/tasks/v1/tasks.proto). */
export interface TaskRunRequestedPayload {
  service: string;
  name: string;
}

/** A finished run as it travels on the bus. */
export function taskFinishedPayload(run: TaskRun): TaskFinishedPayload {
  return {
    service: run.service,
    name: run.name,
    description: run.description,
    status: run.status,
    messages: run.messages,
    started: run.started.toISOString(),
    finished: run.finished.toISOString(),
    duration: run.duration,
  };
}

/** A task's announcement as it travels on the bus. */
export function taskAnnouncedPayload(service: string, task: Pick<SystemTask, 'name' | 'description' | 'intervalMs'>): TaskAnnouncedPayload {
  return { service, name: task.name, description: task.description, interval_seconds: task.intervalMs / 1000 };
}

/** Report callbacks for a runner whose results reach core over the bus. */
export function busTaskReporting(bus: Bus, service: string): Pick<TaskRunnerOptions, 'report' | 'announce'> {
  return {
    report: (run) => bus.publish(Subjects.taskFinished, taskFinishedPayload(run)),
    announce: (task) => bus.publish(Subjects.taskAnnounced, taskAnnouncedPayload(service, task)),
  };
}

/**
 * Runs a task of `runner` whenever core asks for it on the bus (requests for other services
 * or unknown tasks are ignored). The run reports through the runner as usual.
 */
export function answerTaskRunRequests(bus: Bus, runner: TaskRunner, logger: Logger): Promise<BusSubscription> {
  return bus.subscribe(Subjects.taskRunRequested, (message) => {
    const request = message.data as Partial<TaskRunRequestedPayload> | null;
    if (!request || request.service !== runner.service || typeof request.name !== 'string' || !runner.has(request.name)) return;
    logger.info({ task: request.name }, 'task run requested');
    runner
      .runNow(request.name)
      .catch((error: unknown) => logger.warn({ task: request.name, err: (error as Error).message }, 'requested run refused'));
  });
}

/** A started runner of a service whose results reach core over the bus. */
export interface ServiceTasks {
  runner: TaskRunner;
  /** Stops answering run requests, stops the timers and waits for runs in progress. */
  stop(): Promise<void>;
}

/**
 * Registers and starts a service's background tasks: results are published for core, run
 * requests from core are answered. Services other than core use this.
 */
export async function startServiceTasks(
  context: { bus: Bus; metrics?: Registry; logger: Logger },
  service: string,
  tasks: SystemTask[],
): Promise<ServiceTasks> {
  const runner = new TaskRunner({ service, logger: context.logger, metrics: context.metrics, ...busTaskReporting(context.bus, service) });
  for (const task of tasks) runner.register(task);
  const requests = await answerTaskRunRequests(context.bus, runner, context.logger);
  runner.start();
  return {
    runner,
    async stop() {
      await requests.unsubscribe().catch(() => undefined);
      await runner.stop();
    },
  };
}
