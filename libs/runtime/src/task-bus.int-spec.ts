import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { connectNatsBus, Subjects, type Bus } from '@authmesh/bus';
import { createLogger } from '@authmesh/logger';
import { waitUntil } from '@authmesh/testing';
import { startServiceTasks, type ServiceTasks, type TaskAnnouncedPayload, type TaskFinishedPayload } from './task-bus.js';

const logger = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) });
// Test-only setting: which NATS server the integration suite talks to.
const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/**
 * A service's task runner and core on two NATS connections, as when they run in separate
 * processes: announcements and results reach core, core's run requests reach the service.
 */
describe('system tasks over NATS', () => {
  const run = randomBytes(5).toString('hex');
  // A service name of its own, so parallel runs on the same NATS server never see each other's tasks.
  const service = `svc-${run}`;
  const streamName = `TEST_TASKS_${run.toUpperCase()}`;
  const options = { url: NATS_URL, logger, streamName, durableSubjects: [`test.tasks-${run}.>`] };
  let serviceBus: Bus;
  let coreBus: Bus;
  let tasks: ServiceTasks | undefined;

  beforeAll(async () => {
    serviceBus = await connectNatsBus({ ...options, name: `tasks-service-${run}` });
    coreBus = await connectNatsBus({ ...options, name: `tasks-core-${run}` });
  });
  afterAll(async () => {
    await tasks?.stop();
    await Promise.all([serviceBus.close(), coreBus.close()]);
    const nc = await connect({ servers: NATS_URL });
    await (await jetstreamManager(nc)).streams.delete(streamName).catch(() => undefined);
    await nc.close();
  });

  it('announces the task, runs it on request and reports the result, all as JSON payloads', async () => {
    const announced: TaskAnnouncedPayload[] = [];
    const finished: TaskFinishedPayload[] = [];
    await coreBus.subscribe(Subjects.taskAnnounced, (m) => {
      if ((m.data as TaskAnnouncedPayload).service === service) announced.push(m.data as TaskAnnouncedPayload);
    });
    await coreBus.subscribe(Subjects.taskFinished, (m) => {
      if ((m.data as TaskFinishedPayload).service === service) finished.push(m.data as TaskFinishedPayload);
    });
    let runs = 0;
    tasks = await startServiceTasks({ bus: serviceBus, logger }, service, [
      { name: 'probe', description: 'Counts its runs.', intervalMs: 3_600_000, run: async () => ({ messages: [`run ${++runs}`] }) },
    ]);
    await waitUntil(() => announced.length === 1);
    expect(announced[0]).toEqual({ service, name: 'probe', description: 'Counts its runs.', interval_seconds: 3600 });

    await coreBus.publish(Subjects.taskRunRequested, { service, name: 'probe' });
    const result = await waitUntil(() => finished[0]);
    expect(result).toMatchObject({ service, name: 'probe', description: 'Counts its runs.', status: 'successful', messages: ['run 1'] });
    expect(Number.isNaN(Date.parse(result.started))).toBe(false);
    expect(Date.parse(result.finished)).toBeGreaterThanOrEqual(Date.parse(result.started));
    expect(typeof result.duration).toBe('number');
    expect(runs).toBe(1);
  });
});
