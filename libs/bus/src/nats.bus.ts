import { connect, nanos, type NatsConnection } from '@nats-io/transport-node';
import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  JetStreamApiCodes,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type ConsumerInfo,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  type StreamConfig,
} from '@nats-io/jetstream';
import type { Logger } from '@authmesh/logger';
import { DURABLE_SUBJECT_PREFIXES, type Bus, type BusHandler, type BusSubscription } from './bus.js';
import { DEFAULT_REDELIVERY, type RedeliveryPolicy } from './redelivery.policy.js';
import { assertValidSubject, subjectIsWithin } from './subject.js';

/** The connection as the rest of the process should see it. */
export type BusConnectionState = 'connected' | 'disconnected' | 'closed';

export interface NatsBusOptions {
  /** `nats://host:port`, or several separated by commas. */
  url: string;
  logger: Logger;
  /** Connection name shown by the NATS server. */
  name: string;
  /** JetStream stream holding the durable subjects (default `AUTHMESH_EVENTS`). */
  streamName?: string;
  /** Subjects the stream stores (default `authmesh.events.v1.>`). */
  durableSubjects?: string[];
  connectTimeoutMs?: number;
  /** How long the stream keeps a message, acknowledged or not (default 7 days). */
  maxAgeDays?: number;
  redelivery?: RedeliveryPolicy;
  /** Called on every change of the connection state (for readiness and metrics). */
  onStatusChange?: (state: BusConnectionState) => void;
}

const DEFAULT_STREAM = 'AUTHMESH_EVENTS';
const DAY_MS = 86_400_000;
const DUPLICATE_WINDOW_MS = 120_000;
const API_TIMEOUT_MS = 5_000;
/** A handler that runs longer keeps its message by telling the server it is still working. */
const ACK_WAIT_MS = 30_000;
/** Messages fetched ahead of the handler; small, because they wait for it within the ack wait. */
const PREFETCH = 16;
const RESTART_DELAY_MAX_MS = 30_000;
const DURABLE_NAME = /^[^.*>\s]+$/;

const encoder = new TextEncoder();

/** Connects to NATS and makes sure the durable stream exists; rejects with an error naming the URL when it cannot. */
export function connectNatsBus(options: NatsBusOptions): Promise<NatsBus> {
  return NatsBus.connect(options);
}

/**
 * The bus on NATS: core publish/subscribe for broadcasts; a file-backed JetStream stream and
 * durable pull consumers with explicit acknowledgement for durable subjects. The connection
 * reconnects forever; while it is down the bus reports itself unhealthy.
 */
export class NatsBus implements Bus {
  readonly kind = 'nats' as const;
  private state: BusConnectionState = 'connected';
  private closing?: Promise<void>;
  private readonly runs = new Set<DurableRun>();
  private readonly statusWatch: Promise<void>;
  private readonly logger: Logger;
  private readonly redelivery: RedeliveryPolicy;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly stream: Pick<StreamConfig, 'name' | 'subjects' | 'max_age' | 'duplicate_window'>,
    private readonly options: NatsBusOptions,
  ) {
    this.logger = options.logger;
    this.redelivery = options.redelivery ?? DEFAULT_REDELIVERY;
    this.statusWatch = this.watchStatus();
  }

  /** Same as `connectNatsBus`. */
  static async connect(options: NatsBusOptions): Promise<NatsBus> {
    const where = options.url.split(',').map(redact).join(',');
    let nc: NatsConnection;
    try {
      nc = await connect({
        servers: options.url.split(',').map((u) => u.trim()),
        name: options.name,
        timeout: options.connectTimeoutMs ?? 5_000,
        waitOnFirstConnect: false,
        maxReconnectAttempts: -1,
        reconnectTimeWait: 1_000,
      });
    } catch (error) {
      throw new Error(`cannot connect to NATS at ${where}: ${messageOf(error)}`, { cause: error });
    }
    try {
      const jsm = await jetstreamManager(nc, { timeout: API_TIMEOUT_MS });
      const stream = {
        name: options.streamName ?? DEFAULT_STREAM,
        subjects: options.durableSubjects ?? DURABLE_SUBJECT_PREFIXES.map((p) => `${p}>`),
        max_age: nanos((options.maxAgeDays ?? 7) * DAY_MS),
        duplicate_window: nanos(DUPLICATE_WINDOW_MS),
      };
      const bus = new NatsBus(nc, jetstream(nc, { timeout: API_TIMEOUT_MS }), jsm, stream, options);
      await bus.ensureStream();
      options.logger.info({ url: where, stream: stream.name }, 'connected to NATS');
      return bus;
    } catch (error) {
      await nc.close().catch(() => undefined);
      throw new Error(`NATS at ${where} has no usable JetStream stream: ${messageOf(error)}`, { cause: error });
    }
  }

  async publish(subject: string, data: unknown): Promise<void> {
    this.assertOpen();
    assertValidSubject(subject, { wildcards: false });
    this.nc.publish(subject, encode(data));
  }

  async subscribe(subject: string, handler: BusHandler): Promise<BusSubscription> {
    this.assertOpen();
    assertValidSubject(subject, { wildcards: true });
    const sub = this.nc.subscribe(subject, {
      callback: (error, msg) => {
        if (error) {
          this.logger.error({ err: error, subject }, 'bus subscription failed');
          return;
        }
        let data: unknown;
        try {
          data = msg.json();
        } catch {
          this.logger.warn({ subject: msg.subject }, 'ignoring a broadcast that is not JSON');
          return;
        }
        Promise.resolve()
          .then(() => handler({ subject: msg.subject, data, attempt: 1 }))
          .catch((err: unknown) => this.logger.error({ err, subject: msg.subject }, 'bus handler failed'));
      },
    });
    return {
      unsubscribe: async () => {
        if (!sub.isClosed()) sub.unsubscribe();
      },
    };
  }

  async publishDurable(subject: string, data: unknown, options: { id?: string } = {}): Promise<void> {
    this.assertOpen();
    assertValidSubject(subject, { wildcards: false });
    try {
      await this.js.publish(subject, encode(data), options.id ? { msgID: options.id } : undefined);
    } catch (error) {
      throw new Error(`could not store ${subject} in stream ${this.stream.name}: ${messageOf(error)}`, { cause: error });
    }
  }

  async consumeDurable(durable: string, subject: string, handler: BusHandler): Promise<BusSubscription> {
    this.assertOpen();
    if (!DURABLE_NAME.test(durable)) throw new Error(`invalid durable consumer name "${durable}"`);
    assertValidSubject(subject, { wildcards: true });
    if (!this.stream.subjects.some((scope) => subjectIsWithin(subject, scope))) {
      throw new Error(`durable consumer ${durable}: ${subject} is not within the durable subjects (${this.stream.subjects.join(', ')})`);
    }
    await this.ensureConsumer(durable, subject);
    const run = new DurableRun(durable, subject, handler);
    this.runs.add(run);
    run.finished = this.consume(run)
      .catch((error: unknown) => this.logger.error({ err: error, durable }, 'durable consumer stopped unexpectedly'))
      .finally(() => this.runs.delete(run));
    return {
      unsubscribe: async () => {
        run.stop();
        await run.finished;
      },
    };
  }

  isHealthy(): boolean {
    return this.state === 'connected' && !this.nc.isClosed();
  }

  /** Stops the durable consumers (waiting for running handlers), then drains the connection. */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    const linkUp = this.state === 'connected';
    this.setState('closed');
    const runs = [...this.runs];
    for (const run of runs) run.stop();
    await Promise.all(runs.map((run) => run.finished));
    if (!this.nc.isClosed()) {
      // Draining needs the server; while disconnected there is nothing left to flush.
      if (linkUp) await withTimeout(this.nc.drain(), API_TIMEOUT_MS).catch(() => undefined);
      if (!this.nc.isClosed()) await this.nc.close().catch(() => undefined);
    }
    await this.statusWatch;
  }

  /**
   * Pulls messages for one `consumeDurable` call until it is stopped. When the subscription
   * ends for another reason (the stream or consumer disappeared, the server restarted with
   * an empty store) the stream and consumer are recreated and consumption resumes.
   */
  private async consume(run: DurableRun): Promise<void> {
    for (let failures = 0; !run.stopped;) {
      try {
        if (failures > 0) {
          await this.ensureStream();
          await this.ensureConsumer(run.durable, run.subject);
        }
        const consumer = await this.js.consumers.get(this.stream.name, run.durable);
        const messages = await consumer.consume({ max_messages: PREFETCH, abort_on_missing_resource: true });
        run.attach(messages);
        for await (const msg of messages) {
          // Fetched after the stop: give it straight back so the next start gets it at once.
          if (run.stopped) msg.nak();
          else await this.handle(run, msg);
          failures = 0;
        }
        if (run.stopped || this.nc.isClosed()) return;
        throw new Error('the message subscription ended');
      } catch (error) {
        if (run.stopped || this.nc.isClosed()) return;
        const delayMs = Math.min(1_000 * 2 ** failures, RESTART_DELAY_MAX_MS);
        failures++;
        this.logger.warn({ err: error, durable: run.durable, retryInMs: delayMs }, 'durable consumer interrupted; restarting it');
        await run.sleep(delayMs);
      }
    }
  }

  /** Runs the handler for one message and acknowledges, redelivers later, or drops it. */
  private async handle(run: DurableRun, msg: JsMsg): Promise<void> {
    const attempt = msg.info.deliveryCount;
    let data: unknown;
    try {
      data = msg.json();
    } catch {
      this.logger.warn({ durable: run.durable, subject: msg.subject }, 'dropping a durable message that is not JSON');
      msg.term();
      return;
    }
    const keepAlive = setInterval(() => {
      // Throws once the connection is closed; a timer must never take the process down.
      try {
        msg.working();
      } catch {
        clearInterval(keepAlive);
      }
    }, ACK_WAIT_MS / 3);
    try {
      await run.handler({ subject: msg.subject, data, attempt });
    } catch (error) {
      const context = { err: error, durable: run.durable, subject: msg.subject, attempt };
      if (attempt >= this.redelivery.maxAttempts) {
        this.logger.error(context, 'dropping a durable message whose handler failed on every attempt');
        msg.term();
      } else {
        const delayMs = this.redelivery.delayMs(attempt);
        this.logger.warn({ ...context, retryInMs: delayMs }, 'bus handler failed; the message will be delivered again');
        msg.nak(delayMs);
      }
      return;
    } finally {
      clearInterval(keepAlive);
    }
    // Wait for the server to confirm, so a consumer restarted right after never sees it again.
    await msg.ackAck().catch((error: unknown) => {
      this.logger.warn(
        { err: error, durable: run.durable, subject: msg.subject },
        'acknowledgement unconfirmed; the message may come again',
      );
    });
  }

  /** Creates the stream, or updates it when its subjects or limits differ from ours. */
  private async ensureStream(): Promise<void> {
    const existing = await this.jsm.streams.info(this.stream.name).catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    if (!existing) {
      await this.jsm.streams.add({ ...this.stream, storage: StorageType.File, retention: RetentionPolicy.Limits });
      this.logger.info({ stream: this.stream.name, subjects: this.stream.subjects }, 'created JetStream stream');
      return;
    }
    const c = existing.config;
    if (c.storage !== StorageType.File) this.logger.warn({ stream: this.stream.name, storage: c.storage }, 'stream is not file-backed');
    const same =
      sameSet(c.subjects ?? [], this.stream.subjects) &&
      c.max_age === this.stream.max_age &&
      c.duplicate_window === this.stream.duplicate_window;
    if (same) return;
    await this.jsm.streams.update(this.stream.name, {
      subjects: this.stream.subjects,
      max_age: this.stream.max_age,
      duplicate_window: this.stream.duplicate_window,
    });
    this.logger.info({ stream: this.stream.name, subjects: this.stream.subjects }, 'updated JetStream stream');
  }

  /** Creates the durable consumer, or updates the settings of an existing one. */
  private async ensureConsumer(durable: string, subject: string): Promise<void> {
    const wanted = { filter_subject: subject, ack_wait: nanos(ACK_WAIT_MS), max_deliver: this.redelivery.maxAttempts };
    let existing: ConsumerInfo | undefined = await this.consumerInfo(durable);
    if (!existing) {
      try {
        await this.jsm.consumers.add(this.stream.name, {
          ...wanted,
          durable_name: durable,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
        });
        return;
      } catch (error) {
        // Another process may have created it at the same moment.
        existing = await this.consumerInfo(durable);
        if (!existing) throw error;
      }
    }
    const c = existing.config;
    if (c.filter_subject === wanted.filter_subject && c.ack_wait === wanted.ack_wait && c.max_deliver === wanted.max_deliver) return;
    await this.jsm.consumers.update(this.stream.name, durable, wanted);
  }

  private consumerInfo(durable: string): Promise<ConsumerInfo | undefined> {
    return this.jsm.consumers.info(this.stream.name, durable).catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
  }

  private async watchStatus(): Promise<void> {
    for await (const status of this.nc.status()) {
      switch (status.type) {
        case 'disconnect':
          this.logger.warn({ server: status.server }, 'NATS connection lost; reconnecting');
          this.setState('disconnected');
          break;
        case 'reconnect':
          this.logger.info({ server: status.server }, 'NATS connection restored');
          this.setState('connected');
          // A server that came back with an empty store needs the stream again.
          this.ensureStream().catch((error: unknown) => this.logger.error({ err: error }, 'could not re-create the JetStream stream'));
          break;
        case 'error':
          this.logger.warn({ err: status.error }, 'NATS reported an error');
          break;
        case 'ldm':
          this.logger.info({ server: status.server }, 'NATS server is shutting down (lame duck); will move');
          break;
        case 'slowConsumer':
          this.logger.warn({ subject: status.sub.getSubject(), pending: status.pending }, 'NATS subscription is falling behind');
          break;
        case 'staleConnection':
          this.logger.warn('NATS connection is stale; reconnecting');
          break;
        default:
          break;
      }
    }
    this.setState('closed');
  }

  /** Records a change of the connection and reports it once; `closed` is final. */
  private setState(next: BusConnectionState): void {
    if (this.state === next || this.state === 'closed') return;
    this.state = next;
    try {
      this.options.onStatusChange?.(next);
    } catch (error) {
      this.logger.error({ err: error }, 'bus status listener failed');
    }
  }

  private assertOpen(): void {
    if (this.closing || this.nc.isClosed()) throw new Error('the bus is closed');
  }
}

/** One running `consumeDurable` call. */
class DurableRun {
  stopped = false;
  finished: Promise<void> = Promise.resolve();
  private messages?: ConsumerMessages;
  private wake?: () => void;

  constructor(
    readonly durable: string,
    readonly subject: string,
    readonly handler: BusHandler,
  ) {}

  attach(messages: ConsumerMessages): void {
    this.messages = messages;
    if (this.stopped) void messages.close();
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake?.(), ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }

  /** Ends the message iterator; buffered messages still pass through the loop, which gives them back. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.wake?.();
    void this.messages?.close().catch(() => undefined);
  }
}

function encode(data: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(data ?? null));
}

/** JetStream's "stream not found" and "consumer not found" answers. */
function isNotFound(error: unknown): boolean {
  if (!(error instanceof JetStreamApiError)) return false;
  return error.code === JetStreamApiCodes.StreamNotFound || error.code === JetStreamApiCodes.ConsumerNotFound || error.status === 404;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The URL without credentials, for logs and errors. */
function redact(url: string): string {
  try {
    const u = new URL(url.trim());
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}
