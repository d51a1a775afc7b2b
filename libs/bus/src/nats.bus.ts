import { connect, nanos, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  JetStreamApiError,
  StorageType,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import type { Logger } from '@authmesh/logger';
import { DURABLE_SUBJECT_PREFIXES, type Bus, type BusHandler, type BusSubscription } from './bus.js';

export interface NatsBusOptions {
  url: string;
  logger: Logger;
  /** Connection name shown by the NATS server. */
  name: string;
  streamName?: string;
  /** Subjects the stream stores (default: `authmesh.events.v1.>`). */
  durableSubjects?: string[];
  connectTimeoutMs?: number;
  /** How long the stream keeps messages nobody acknowledged. */
  maxAgeDays?: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The bus on NATS: core NATS for broadcasts, JetStream for durable subjects (a file-backed
 * stream and durable pull consumers with explicit acknowledgement).
 */
export class NatsBus implements Bus {
  readonly kind = 'nats' as const;
  private healthy = true;
  private readonly subscriptions = new Set<Subscription>();
  private readonly consumers = new Set<ConsumerMessages>();

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly streamName: string,
    private readonly logger: Logger,
  ) {
    void this.watchStatus();
  }

  /** Connects and makes sure the durable stream exists with the expected settings. */
  static async connect(options: NatsBusOptions): Promise<NatsBus> {
    const logger = options.logger;
    let nc: NatsConnection;
    try {
      nc = await connect({
        servers: options.url,
        name: options.name,
        timeout: options.connectTimeoutMs ?? 5000,
        maxReconnectAttempts: -1,
        reconnectTimeWait: 1000,
        waitOnFirstConnect: false,
      });
    } catch (error) {
      throw new Error(`cannot connect to NATS at ${redact(options.url)}: ${(error as Error).message}`);
    }
    try {
      const jsm = await jetstreamManager(nc, { timeout: 5000 });
      const streamName = options.streamName ?? 'AUTHMESH_EVENTS';
      const config = {
        name: streamName,
        subjects: options.durableSubjects ?? DURABLE_SUBJECT_PREFIXES.map((p) => `${p}>`),
        storage: StorageType.File,
        max_age: nanos((options.maxAgeDays ?? 7) * 86_400_000),
        duplicate_window: nanos(120_000),
      };
      try {
        await jsm.streams.info(streamName);
        await jsm.streams.update(streamName, config);
      } catch (error) {
        if (!isNotFound(error)) throw error;
        await jsm.streams.add(config);
      }
      logger.info({ url: redact(options.url), stream: streamName }, 'connected to NATS');
      return new NatsBus(nc, jetstream(nc, { timeout: 5000 }), jsm, streamName, logger);
    } catch (error) {
      await nc.close().catch(() => undefined);
      throw new Error(`NATS at ${redact(options.url)} has no usable JetStream: ${(error as Error).message}`);
    }
  }

  async publish(subject: string, data: unknown): Promise<void> {
    this.nc.publish(subject, encoder.encode(JSON.stringify(data ?? null)));
  }

  async subscribe(subject: string, handler: BusHandler): Promise<BusSubscription> {
    const sub = this.nc.subscribe(subject, {
      callback: (error, msg) => {
        if (error) {
          this.logger.error({ err: error, subject }, 'subscription error');
          return;
        }
        let data: unknown;
        try {
          data = JSON.parse(decoder.decode(msg.data));
        } catch {
          this.logger.warn({ subject: msg.subject }, 'ignoring a message that is not JSON');
          return;
        }
        Promise.resolve()
          .then(() => handler({ subject: msg.subject, data, attempt: 1 }))
          .catch((err: unknown) => this.logger.error({ err, subject: msg.subject }, 'bus handler failed'));
      },
    });
    this.subscriptions.add(sub);
    return {
      unsubscribe: async () => {
        this.subscriptions.delete(sub);
        sub.unsubscribe();
      },
    };
  }

  async publishDurable(subject: string, data: unknown, options: { id?: string } = {}): Promise<void> {
    await this.js.publish(subject, encoder.encode(JSON.stringify(data ?? null)), options.id ? { msgID: options.id } : undefined);
  }

  async consumeDurable(durable: string, subject: string, handler: BusHandler): Promise<BusSubscription> {
    const config = {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: subject,
      ack_wait: nanos(30_000),
      max_deliver: 10,
    };
    try {
      await this.jsm.consumers.info(this.streamName, durable);
      await this.jsm.consumers.update(this.streamName, durable, {
        filter_subject: subject,
        ack_wait: config.ack_wait,
        max_deliver: config.max_deliver,
      });
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await this.jsm.consumers.add(this.streamName, config);
    }
    const consumer = await this.js.consumers.get(this.streamName, durable);
    const messages = await consumer.consume({ max_messages: 64 });
    this.consumers.add(messages);
    void (async () => {
      for await (const msg of messages) {
        let data: unknown;
        try {
          data = msg.json();
        } catch {
          this.logger.warn({ subject: msg.subject }, 'dropping a durable message that is not JSON');
          msg.term();
          continue;
        }
        try {
          await handler({ subject: msg.subject, data, attempt: msg.info.deliveryCount });
          msg.ack();
        } catch (error) {
          this.logger.warn({ err: error, durable, attempt: msg.info.deliveryCount }, 'bus handler failed; redelivering');
          msg.nak(Math.min(200 * 2 ** msg.info.deliveryCount, 10_000));
        }
      }
    })().catch((error: unknown) => this.logger.error({ err: error, durable }, 'durable consumer stopped'));
    return {
      unsubscribe: async () => {
        this.consumers.delete(messages);
        await messages.close();
      },
    };
  }

  isHealthy(): boolean {
    return this.healthy && !this.nc.isClosed();
  }

  async close(): Promise<void> {
    this.healthy = false;
    for (const messages of this.consumers) await messages.close().catch(() => undefined);
    this.consumers.clear();
    if (!this.nc.isClosed()) await this.nc.drain().catch(() => this.nc.close());
  }

  private async watchStatus(): Promise<void> {
    for await (const status of this.nc.status()) {
      if (status.type === 'disconnect') {
        this.healthy = false;
        this.logger.warn('NATS connection lost; reconnecting');
      } else if (status.type === 'reconnect') {
        this.healthy = true;
        this.logger.info('NATS connection restored');
      } else if (status.type === 'close') {
        this.healthy = false;
      }
    }
  }
}

/** JetStream's "stream not found" and "consumer not found" answers. */
function isNotFound(error: unknown): boolean {
  if (!(error instanceof JetStreamApiError)) return false;
  return error.status === 404 || error.code === 10059 || error.code === 10014;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}
