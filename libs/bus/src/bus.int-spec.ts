import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { createLogger } from '@authmesh/logger';
import type { Bus } from './bus.js';
import { describeBusContract } from './bus.contract.js';
import { InProcessBus } from './in-process.bus.js';
import { connectNatsBus, NatsBus } from './nats.bus.js';

const logger = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) });
// Test-only setting: which NATS server the integration suite talks to.
const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

const runId = () => randomBytes(5).toString('hex');

describeBusContract('in-process', async ({ redelivery }) => {
  const durablePrefix = `test.${runId()}.durable.`;
  const bus = new InProcessBus({ logger, durableSubjects: [`${durablePrefix}>`], redelivery });
  return {
    bus,
    durablePrefix,
    // In single-process mode a restarted consumer attaches to the same bus again.
    reopen: async () => bus,
    cleanup: () => bus.close(),
  };
});

describeBusContract('NATS JetStream', async ({ redelivery }) => {
  const run = runId();
  // A stream and subjects of its own per test, deleted afterwards, so runs never collide.
  const streamName = `TEST_BUS_${run.toUpperCase()}`;
  // Not under authmesh.events.v1: a stream may not overlap the AUTHMESH_EVENTS stream other tests create.
  const durablePrefix = `test.bus-${run}.durable.`;
  const options = { url: NATS_URL, logger, name: `bus-contract-${run}`, streamName, durableSubjects: [`${durablePrefix}>`], redelivery };
  const opened: Bus[] = [await connectNatsBus(options)];
  return {
    bus: opened[0],
    durablePrefix,
    reopen: async () => {
      const other = await connectNatsBus(options);
      opened.push(other);
      return other;
    },
    cleanup: async () => {
      await Promise.all(opened.map((b) => b.close()));
      const nc = await connect({ servers: NATS_URL });
      await (await jetstreamManager(nc)).streams.delete(streamName).catch(() => undefined);
      await nc.close();
    },
  };
});

describe('connectNatsBus', () => {
  it('rejects with an error naming the URL when nothing listens there', async () => {
    await expect(connectNatsBus({ url: 'nats://127.0.0.1:1', logger, name: 'unreachable', connectTimeoutMs: 500 })).rejects.toThrow(
      /cannot connect to NATS at nats:\/\/127\.0\.0\.1:1/,
    );
  });

  it('leaves credentials out of the error', async () => {
    await expect(
      connectNatsBus({ url: 'nats://someone:hunter2@127.0.0.1:1', logger, name: 'unreachable', connectTimeoutMs: 500 }),
    ).rejects.toThrow(/^(?!.*hunter2)cannot connect to NATS at nats:\/\/127\.0\.0\.1:1/);
  });

  it('creates the stream on first use and accepts it unchanged on the next connect', async () => {
    const streamName = `TEST_BUS_${runId().toUpperCase()}`;
    const subjects = [`test.bus-${runId()}.setup.>`];
    const first = await NatsBus.connect({ url: NATS_URL, logger, name: 'stream-setup', streamName, durableSubjects: subjects });
    const second = await NatsBus.connect({ url: NATS_URL, logger, name: 'stream-setup', streamName, durableSubjects: subjects });
    const nc = await connect({ servers: NATS_URL });
    try {
      const info = await (await jetstreamManager(nc)).streams.info(streamName);
      expect(info.config.subjects).toEqual(subjects);
      expect(info.config.storage).toBe('file');
      expect(info.config.max_age).toBe(7 * 86_400_000 * 1_000_000);
    } finally {
      await Promise.all([first.close(), second.close()]);
      await (await jetstreamManager(nc)).streams.delete(streamName).catch(() => undefined);
      await nc.close();
    }
  });
});
