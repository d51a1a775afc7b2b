import { Writable } from 'node:stream';
import { Registry } from 'prom-client';
import { InProcessBus, Subjects } from '@authmesh/bus';
import { createLogger } from '@authmesh/logger';
import { waitUntil } from '@authmesh/testing';
import { answerTaskRunRequests, busTaskReporting } from './task-bus.js';
import { TaskRunner, type TaskRun } from './task-runner.js';

/** A logger whose JSON lines are kept for the test to read. */
function capturedLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), lines };
}

/** A promise the test resolves when it wants. */
function gate() {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('TaskRunner', () => {
  let runner: TaskRunner;
  afterEach(async () => {
    jest.useRealTimers();
    await runner?.stop();
  });

  it('never runs the same task twice at once: ticks and requests during a run join it', async () => {
    jest.useFakeTimers();
    const { logger } = capturedLogger();
    const reported: TaskRun[] = [];
    runner = new TaskRunner({ service: 'test', logger, report: (run) => void reported.push(run) });
    const release = gate();
    let runs = 0;
    let concurrent = 0;
    let overlapped = false;
    runner.register({
      name: 'slow',
      description: 'Takes its time',
      intervalMs: 1000,
      async run() {
        runs++;
        concurrent++;
        overlapped ||= concurrent > 1;
        await release.promise;
        concurrent--;
      },
    });
    runner.start();
    await jest.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(1);
    const requested = runner.runNow('slow');
    await jest.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(1);
    expect(runner.states()[0].running).toBe(true);
    release.open();
    const run = await requested;
    expect(run.status).toBe('successful');
    expect(overlapped).toBe(false);
    expect(reported).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2);
  });

  it('records a thrown error as the run status and keeps running the task afterwards', async () => {
    jest.useFakeTimers();
    const { logger, lines } = capturedLogger();
    const reported: TaskRun[] = [];
    runner = new TaskRunner({ service: 'test', logger, report: (run) => void reported.push(run) });
    let calls = 0;
    runner.register({
      name: 'flaky',
      description: 'Fails first',
      intervalMs: 1000,
      async run() {
        calls++;
        if (calls === 1) throw new Error('database went away');
        return { messages: ['purged 3 rows'] };
      },
    });
    runner.start();
    await jest.advanceTimersByTimeAsync(1000);
    await jest.advanceTimersByTimeAsync(1000);
    expect(reported.map((run) => [run.status, run.messages])).toEqual([
      ['error', ['database went away']],
      ['successful', ['purged 3 rows']],
    ]);
    expect(reported[0]).toMatchObject({ service: 'test', name: 'flaky', description: 'Fails first' });
    expect(reported[0].finished.getTime()).toBeGreaterThanOrEqual(reported[0].started.getTime());
    const failed = lines.find((line) => line.msg === 'task failed');
    expect(failed).toMatchObject({ task: 'flaky', status: 'error', messages: ['database went away'] });
    expect(lines.some((line) => line.msg === 'task finished' && line.task === 'flaky')).toBe(true);
  });

  it('passes on a warning status and survives a report that fails', async () => {
    const { logger, lines } = capturedLogger();
    runner = new TaskRunner({
      service: 'test',
      logger,
      report: () => Promise.reject(new Error('bus down')),
    });
    runner.register({
      name: 'careful',
      description: 'Warns',
      intervalMs: 60_000,
      run: async () => ({ status: 'warning', messages: ['2 skipped'] }),
    });
    const run = await runner.runNow('careful');
    expect(run).toMatchObject({ status: 'warning', messages: ['2 skipped'] });
    expect(lines.find((line) => line.msg === 'task run not reported')).toMatchObject({ err: 'bus down' });
  });

  it('keeps the progress a running task reports, until the run ends', async () => {
    const { logger, lines } = capturedLogger();
    runner = new TaskRunner({ service: 'test', logger });
    const release = gate();
    runner.register({
      name: 'steps',
      description: 'Reports progress',
      intervalMs: 60_000,
      async run(context) {
        context.progress(40, 'half of the keys');
        context.progress(250);
        await release.promise;
      },
    });
    const running = runner.runNow('steps');
    await waitUntil(() => runner.states()[0].progress?.percent === 100);
    expect(lines.some((line) => line.msg === 'task progress' && line.percent === 40 && line.message === 'half of the keys')).toBe(true);
    release.open();
    await running;
    expect(runner.states()[0]).toMatchObject({ running: false, progress: undefined, last: { status: 'successful' } });
  });

  it('counts runs by status, observes durations and sets the last success time in Prometheus', async () => {
    const { logger } = capturedLogger();
    const metrics = new Registry();
    runner = new TaskRunner({ service: 'svc', logger, metrics });
    // A second runner in the same process shares the metrics instead of registering them twice.
    const other = new TaskRunner({ service: 'other', logger, metrics });
    let fail = false;
    runner.register({
      name: 'count',
      description: 'Counted',
      intervalMs: 60_000,
      run: async () => {
        if (fail) throw new Error('no');
      },
    });
    other.register({ name: 'count', description: 'Counted too', intervalMs: 60_000, run: async () => undefined });
    const ok = await runner.runNow('count');
    fail = true;
    await runner.runNow('count');
    await other.runNow('count');
    const text = await metrics.metrics();
    expect(text).toContain('authmesh_system_task_runs_total{service="svc",task="count",status="successful"} 1');
    expect(text).toContain('authmesh_system_task_runs_total{service="svc",task="count",status="error"} 1');
    expect(text).toContain('authmesh_system_task_runs_total{service="other",task="count",status="successful"} 1');
    expect(text).toContain('authmesh_system_task_duration_seconds_count{service="svc",task="count"} 2');
    expect(text).toContain(
      `authmesh_system_task_last_success_timestamp_seconds{service="svc",task="count"} ${ok.finished.getTime() / 1000}`,
    );
    await other.stop();
  });

  it('refuses bad task names, duplicates and unknown tasks', async () => {
    runner = new TaskRunner({ service: 'test', logger: capturedLogger().logger });
    const task = { name: 'ok', description: '', intervalMs: 1000, run: async () => undefined };
    expect(() => runner.register({ ...task, name: 'Not/OK' })).toThrow(/invalid task name/);
    runner.register(task);
    expect(() => runner.register(task)).toThrow(/twice/);
    expect(() => runner.register({ ...task, name: 'never', intervalMs: 0 })).toThrow(/positive interval/);
    await expect(runner.runNow('missing')).rejects.toThrow(/no task "missing"/);
  });

  it('stops its timers on stop, after waiting for the run in progress', async () => {
    jest.useFakeTimers();
    runner = new TaskRunner({ service: 'test', logger: capturedLogger().logger });
    let runs = 0;
    const release = gate();
    runner.register({
      name: 'tick',
      description: '',
      intervalMs: 1000,
      runAtStart: true,
      async run() {
        runs++;
        await release.promise;
      },
    });
    runner.start();
    expect(runs).toBe(1);
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    release.open();
    await stopping;
    await jest.advanceTimersByTimeAsync(10_000);
    expect(runs).toBe(1);
    await expect(runner.runNow('tick')).rejects.toThrow(/stopped/);
  });

  it('does not report unreported tasks, but announces and reports the others over the bus, and runs what core requests', async () => {
    const { logger } = capturedLogger();
    const bus = new InProcessBus({ logger });
    const announced: unknown[] = [];
    const finished: unknown[] = [];
    await bus.subscribe(Subjects.taskAnnounced, (m) => void announced.push(m.data));
    await bus.subscribe(Subjects.taskFinished, (m) => void finished.push(m.data));
    runner = new TaskRunner({ service: 'events', logger, ...busTaskReporting(bus, 'events') });
    let quietRuns = 0;
    runner.register({ name: 'purge', description: 'Purges', intervalMs: 3_600_000, run: async () => ({ messages: ['none expired'] }) });
    runner.register({
      name: 'relay',
      description: 'Frequent',
      intervalMs: 3_600_000,
      reported: false,
      run: async () => void quietRuns++,
    });
    runner.start();
    const subscription = await answerTaskRunRequests(bus, runner, logger);
    await bus.publish(Subjects.taskRunRequested, { service: 'flows', name: 'purge' });
    await bus.publish(Subjects.taskRunRequested, { service: 'events', name: 'unknown' });
    await bus.publish(Subjects.taskRunRequested, { service: 'events', name: 'relay' });
    await bus.publish(Subjects.taskRunRequested, { service: 'events', name: 'purge' });
    await waitUntil(() => finished.length === 1);
    expect(announced).toEqual([{ service: 'events', name: 'purge', description: 'Purges', interval_seconds: 3600 }]);
    expect(finished[0]).toMatchObject({ service: 'events', name: 'purge', status: 'successful', messages: ['none expired'] });
    expect(typeof (finished[0] as { started: unknown }).started).toBe('string');
    await waitUntil(() => quietRuns === 1);
    expect(finished).toHaveLength(1);
    await subscription.unsubscribe();
    await bus.close();
  });
});
