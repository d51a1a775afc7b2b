import type { Logger } from '@authmesh/logger';
import { DURABLE_SUBJECT_PREFIXES, type Bus, type BusHandler, type BusSubscription } from './bus.js';
import { DEFAULT_REDELIVERY, type RedeliveryPolicy } from './redelivery.policy.js';
import { assertValidSubject, subjectIsWithin, subjectMatches } from './subject.js';

export interface InProcessBusOptions {
  logger: Logger;
  /** Subject patterns stored for durable consumers (default: `authmesh.events.v1.>`). */
  durableSubjects?: readonly string[];
  redelivery?: RedeliveryPolicy;
  /** Durable messages kept at most; the oldest go first. */
  maxStoredMessages?: number;
  /** How long a durable message is kept, acknowledged or not (as the NATS stream's max age). */
  maxAgeMs?: number;
  /** How long a durable message id is remembered for deduplication (as NATS's duplicate window). */
  duplicateWindowMs?: number;
}

interface StoredMessage {
  seq: number;
  subject: string;
  /** JSON text, parsed again for every delivery so no handler shares an object with another. */
  payload: string;
  storedAt: number;
}

/** What the bus remembers about one durable consumer name, running or not. */
interface DurableConsumerState {
  name: string;
  subject: string;
  /** Every message up to this sequence is done for this consumer (acknowledged, dropped, or not its subject). */
  floor: number;
  /** Messages after the floor that are done. */
  done: Set<number>;
  /** Next message never delivered to the running consumer (reset to the floor on every start). */
  cursor: number;
  /** Messages after the floor whose handler threw: deliveries so far and when the next is due. */
  retries: Map<number, { attempts: number; dueAt: number }>;
  /** Stored messages this consumer lost to the size or age limit, for throttled warnings. */
  lost: number;
  run?: ConsumerRun;
}

interface BroadcastSubscription {
  pattern: string;
  handler: BusHandler;
  active: boolean;
}

const DAY_MS = 86_400_000;
const DURABLE_NAME = /^[^.*>\s]+$/;

/**
 * The bus of single-process mode: the semantics of the NATS implementation without a network.
 * Broadcasts go to the subscribers present at the time. Durable messages are stored like a
 * JetStream stream with limits (count, age) and every durable consumer name keeps its own
 * acknowledgement state, so a consumer that starts later, or stops and starts again, gets
 * everything published since its last acknowledgement. That state lives in this process's
 * memory: durable messages survive consumer restarts but not a process restart (that is
 * what NATS JetStream is for).
 */
export class InProcessBus implements Bus {
  readonly kind = 'in-process' as const;
  private readonly logger: Logger;
  private readonly durableSubjects: readonly string[];
  private readonly redelivery: RedeliveryPolicy;
  private readonly maxStored: number;
  private readonly maxAgeMs: number;
  private readonly duplicateWindowMs: number;
  private readonly broadcasts = new Set<BroadcastSubscription>();
  /** Stored durable messages, oldest first, with consecutive sequence numbers. */
  private readonly stored: StoredMessage[] = [];
  /** Message ids seen within the duplicate window, in the order they expire. */
  private readonly recentIds = new Map<string, number>();
  private readonly consumers = new Map<string, DurableConsumerState>();
  private lastSeq = 0;
  private closed = false;

  constructor(options: InProcessBusOptions) {
    this.logger = options.logger;
    this.durableSubjects = options.durableSubjects ?? DURABLE_SUBJECT_PREFIXES.map((p) => `${p}>`);
    this.redelivery = options.redelivery ?? DEFAULT_REDELIVERY;
    this.maxStored = options.maxStoredMessages ?? 10_000;
    this.maxAgeMs = options.maxAgeMs ?? 7 * DAY_MS;
    this.duplicateWindowMs = options.duplicateWindowMs ?? 120_000;
  }

  async publish(subject: string, data: unknown): Promise<void> {
    this.assertOpen();
    assertValidSubject(subject, { wildcards: false });
    this.broadcast(subject, JSON.stringify(data ?? null));
  }

  async subscribe(subject: string, handler: BusHandler): Promise<BusSubscription> {
    this.assertOpen();
    assertValidSubject(subject, { wildcards: true });
    const entry: BroadcastSubscription = { pattern: subject, handler, active: true };
    this.broadcasts.add(entry);
    return {
      unsubscribe: async () => {
        entry.active = false;
        this.broadcasts.delete(entry);
      },
    };
  }

  async publishDurable(subject: string, data: unknown, options: { id?: string } = {}): Promise<void> {
    this.assertOpen();
    assertValidSubject(subject, { wildcards: false });
    if (!this.durableSubjects.some((pattern) => subjectMatches(pattern, subject))) {
      throw new Error(`subject ${subject} is not stored for durable consumers (stored: ${this.durableSubjects.join(', ')})`);
    }
    const payload = JSON.stringify(data ?? null);
    const now = Date.now();
    if (options.id && this.isDuplicate(options.id, now)) return;
    this.stored.push({ seq: ++this.lastSeq, subject, payload, storedAt: now });
    this.applyLimits(now);
    for (const consumer of this.consumers.values()) consumer.run?.wake();
    this.broadcast(subject, payload);
  }

  async consumeDurable(durable: string, subject: string, handler: BusHandler): Promise<BusSubscription> {
    this.assertOpen();
    if (!DURABLE_NAME.test(durable)) throw new Error(`invalid durable consumer name "${durable}"`);
    assertValidSubject(subject, { wildcards: true });
    if (!this.durableSubjects.some((scope) => subjectIsWithin(subject, scope))) {
      throw new Error(`durable consumer ${durable}: ${subject} is not within the durable subjects (${this.durableSubjects.join(', ')})`);
    }
    const state = this.consumers.get(durable) ?? this.newConsumer(durable, subject);
    // NATS would share one durable name between processes; inside one process two
    // handlers under one name are a wiring mistake, so say so.
    if (state.run) throw new Error(`durable consumer ${durable} is already running`);
    state.subject = subject;
    // A message picked but not handled by the previous run is not lost: start over from the floor.
    state.cursor = state.floor + 1;
    const run = new ConsumerRun(handler);
    state.run = run;
    run.finished = this.pump(state, run)
      .catch((error: unknown) => this.logger.error({ err: error, durable }, 'in-process durable consumer stopped unexpectedly'))
      .finally(() => {
        if (state.run === run) state.run = undefined;
      });
    return {
      unsubscribe: async () => {
        run.stop();
        await run.finished;
      },
    };
  }

  isHealthy(): boolean {
    return !this.closed;
  }

  /** Stops every subscription and waits for the durable handlers that are running. */
  async close(): Promise<void> {
    this.closed = true;
    for (const entry of this.broadcasts) entry.active = false;
    this.broadcasts.clear();
    const runs = [...this.consumers.values()].flatMap((c) => (c.run ? [c.run] : []));
    for (const run of runs) run.stop();
    await Promise.all(runs.map((run) => run.finished));
  }

  /** Hands a message to matching subscribers on a later turn of the event loop, in publication order. */
  private broadcast(subject: string, payload: string): void {
    for (const entry of this.broadcasts) {
      if (!subjectMatches(entry.pattern, subject)) continue;
      setImmediate(() => {
        if (!entry.active) return;
        Promise.resolve()
          .then(() => entry.handler({ subject, data: JSON.parse(payload), attempt: 1 }))
          .catch((error: unknown) => this.logger.error({ err: error, subject }, 'bus handler failed'));
      });
    }
  }

  /** Delivers one message at a time to a running consumer until it is stopped. */
  private async pump(state: DurableConsumerState, run: ConsumerRun): Promise<void> {
    while (!run.stopped) {
      const next = this.nextDelivery(state, Date.now());
      if ('waitMs' in next) {
        await run.sleep(next.waitMs);
        continue;
      }
      // Never deliver inside the publisher's call stack.
      await new Promise((resolve) => setImmediate(resolve));
      if (run.stopped) return;
      const { message } = next;
      const attempt = (state.retries.get(message.seq)?.attempts ?? 0) + 1;
      try {
        await run.handler({ subject: message.subject, data: JSON.parse(message.payload), attempt });
        this.markDone(state, message.seq);
      } catch (error) {
        this.handleFailure(state, message, attempt, error);
      }
    }
  }

  private handleFailure(state: DurableConsumerState, message: StoredMessage, attempt: number, error: unknown): void {
    const context = { err: error, durable: state.name, subject: message.subject, attempt };
    if (attempt >= this.redelivery.maxAttempts) {
      this.logger.error(context, 'dropping a durable message whose handler failed on every attempt');
      this.markDone(state, message.seq);
      return;
    }
    const delayMs = this.redelivery.delayMs(attempt);
    this.logger.warn({ ...context, retryInMs: delayMs }, 'bus handler failed; the message will be delivered again');
    state.retries.set(message.seq, { attempts: attempt, dueAt: Date.now() + delayMs });
  }

  /**
   * The next message for this consumer: the oldest of the retries that are due and the next
   * message never delivered; otherwise how long to wait (Infinity: until a publish wakes it).
   */
  private nextDelivery(state: DurableConsumerState, now: number): { message: StoredMessage } | { waitMs: number } {
    this.advanceFloor(state);
    state.cursor = Math.max(state.cursor, state.floor + 1);
    let dueSeq = Number.POSITIVE_INFINITY;
    let waitMs = Number.POSITIVE_INFINITY;
    for (const [seq, retry] of state.retries) {
      if (retry.dueAt <= now) dueSeq = Math.min(dueSeq, seq);
      else waitMs = Math.min(waitMs, retry.dueAt - now);
    }
    for (; state.cursor <= this.lastSeq; state.cursor++) {
      const seq = state.cursor;
      if (state.done.has(seq) || state.retries.has(seq)) continue;
      const message = this.messageAt(seq);
      if (!message) continue;
      if (subjectMatches(state.subject, message.subject)) break;
      state.done.add(seq);
    }
    const seq = Math.min(dueSeq, state.cursor);
    const message = seq <= this.lastSeq ? this.messageAt(seq) : undefined;
    if (!message) return { waitMs };
    if (seq === state.cursor) state.cursor++;
    return { message };
  }

  private markDone(state: DurableConsumerState, seq: number): void {
    state.retries.delete(seq);
    state.done.add(seq);
    this.advanceFloor(state);
  }

  /** Moves the floor past messages that are done, not this consumer's, or no longer stored. */
  private advanceFloor(state: DurableConsumerState): void {
    const firstStored = this.stored[0]?.seq ?? this.lastSeq + 1;
    if (state.floor < firstStored - 1) {
      state.floor = firstStored - 1;
      for (const seq of state.done) if (seq <= state.floor) state.done.delete(seq);
      for (const seq of state.retries.keys()) if (seq <= state.floor) state.retries.delete(seq);
    }
    for (;;) {
      const seq = state.floor + 1;
      const message = this.messageAt(seq);
      if (!message) return;
      if (!state.done.delete(seq) && (state.retries.has(seq) || subjectMatches(state.subject, message.subject))) return;
      state.floor = seq;
    }
  }

  private messageAt(seq: number): StoredMessage | undefined {
    const first = this.stored[0];
    return first ? this.stored[seq - first.seq] : undefined;
  }

  private isDuplicate(id: string, now: number): boolean {
    for (const [seen, expiresAt] of this.recentIds) {
      if (expiresAt > now) break;
      this.recentIds.delete(seen);
    }
    if (this.recentIds.has(id)) return true;
    this.recentIds.set(id, now + this.duplicateWindowMs);
    return false;
  }

  /** Drops the oldest messages beyond the size or age limit, warning for consumers that had not had them. */
  private applyLimits(now: number): void {
    while (this.stored.length > this.maxStored || (this.stored.length > 0 && this.stored[0].storedAt <= now - this.maxAgeMs)) {
      const dropped = this.stored[0];
      for (const state of this.consumers.values()) {
        this.advanceFloor(state);
        const pending = dropped.seq > state.floor && !state.done.has(dropped.seq) && subjectMatches(state.subject, dropped.subject);
        if (pending && ++state.lost % 1000 === 1) {
          this.logger.warn(
            { durable: state.name, lost: state.lost, maxStored: this.maxStored },
            'in-process bus limit reached: dropping durable messages this consumer has not acknowledged',
          );
        }
      }
      this.stored.shift();
    }
  }

  private newConsumer(name: string, subject: string): DurableConsumerState {
    const state: DurableConsumerState = { name, subject, floor: 0, done: new Set(), cursor: 1, retries: new Map(), lost: 0 };
    this.consumers.set(name, state);
    return state;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the bus is closed');
  }
}

/** One running `consumeDurable` call: its handler, a stop flag, and a sleep that publishing cuts short. */
class ConsumerRun {
  stopped = false;
  finished: Promise<void> = Promise.resolve();
  private waker?: () => void;

  constructor(readonly handler: BusHandler) {}

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = Number.isFinite(ms) ? setTimeout(() => this.wake(), ms) : undefined;
      this.waker = () => {
        clearTimeout(timer);
        this.waker = undefined;
        resolve();
      };
    });
  }

  wake(): void {
    this.waker?.();
  }

  stop(): void {
    this.stopped = true;
    this.wake();
  }
}
