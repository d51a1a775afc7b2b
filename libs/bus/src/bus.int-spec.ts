import { Writable } from 'node:stream';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { createLogger } from '@authmesh/logger';
import type { Bus } from './bus';
import { describeBusContract } from './bus.contract';
import { InProcessBus } from './in-process.bus';
import { NatsBus } from './nats.bus';

const logger = createLogger({ level: 'error', destination: new Writable({ write: (_c, _e, done) => done() }) });
const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

describeBusContract('in-process', async () => {
  const bus = new InProcessBus({ logger, durableSubjects: ['test.durable.>'] });
  return {
    bus,
    durablePrefix: 'test.durable.',
    // A restarted consumer in single-process mode reattaches to the same bus.
    reconnect: async () => bus,
    cleanup: () => bus.close(),
  };
});

describeBusContract('NATS JetStream', async () => {
  const run = Math.random().toString(36).slice(2, 10);
  const streamName = `TEST_${run.toUpperCase()}`;
  const durablePrefix = `test.${run}.durable.`;
  const options = { url: NATS_URL, logger, name: 'bus-contract', streamName, durableSubjects: [`${durablePrefix}>`] };
  const opened: Bus[] = [];
  const bus = await NatsBus.connect(options);
  opened.push(bus);
  return {
    bus,
    durablePrefix,
    reconnect: async () => {
      const other = await NatsBus.connect(options);
      opened.push(other);
      return other;
    },
    cleanup: async () => {
      for (const b of opened) await b.close().catch(() => undefined);
      const nc = await connect({ servers: NATS_URL });
      await (await jetstreamManager(nc)).streams.delete(streamName).catch(() => undefined);
      await nc.close();
    },
  };
});

describe('NatsBus.connect', () => {
  it('fails with a message naming the URL when nothing listens there', async () => {
    await expect(NatsBus.connect({ url: 'nats://127.0.0.1:1', logger, name: 'x', connectTimeoutMs: 500 })).rejects.toThrow(
      /cannot connect to NATS at nats:\/\/127\.0\.0\.1:1/,
    );
  });
});
