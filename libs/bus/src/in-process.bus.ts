import type { Logger } from '@authmesh/logger';
import { DURABLE_SUBJECT_PREFIXES, type Bus, type BusHandler, type BusSubscription } from './bus.js';
import { subjectMatches } from './subject.js';

interface StoredMessage {
  seq: number;
  subject: string;
  data: unknown;
}

interface DurableConsumer {
  subject: string;
  /** Sequence of the last acknowledged message. */
  ackedUpTo: number;
  handler?: BusHandler;
  running: boolean;
  wake?: () => void;
}

/** Durable messages kept at most, so a consumer that never comes cannot exhaust memory. */
const MAX_STORED = 100_000;

/** Attempts before a message that keeps failing is dropped, so it cannot spin forever. */
const MAX_ATTEMPTS = 5;

/**
 * The bus for single-process mode: the same semantics as the NATS implementation without
 * a network. Durable messages are kept in memory until every durable consumer that exists
 * has acknowledged them, so they survive a consumer restart but not a process restart
 * (that is what NATS JetStream is for).
 */
export class InProcessBus implements Bus {
  readonly kind = 'in-process' as const;
  private readonly logger: Logger;
  private readonly durablePrefixes: readonly string[];
  private readonly broadcasts = new Set<{ pattern: string; handler: BusHandler }>();
  private readonly log: StoredMessage[] = [];
  private readonly seen = new Set<string>();
  private readonly consumers = new Map<string, DurableConsumer>();
  private seq = 0;
  private closed = false;

  constructor(options: { logger: Logger; durableSubjects?: readonly string[] }) {
    this.logger = options.logger;
    this.durablePrefixes = options.durableSubjects ?? DURABLE_SUBJECT_PREFIXES.map((p) => `${p}>`);
  }

  async publish(subject: string, data: unknown): Promise<void> {
    this.assertOpen();
    const payload = roundTrip(data);
    for (const sub of [...this.broadcasts]) {
      if (!subjectMatches(sub.pattern, subject)) continue;
      setImmediate(() => {
        Promise.resolve()
          .then(() => sub.handler({ subject, data: payload, attempt: 1 }))
          .catch((error: unknown) => this.logger.error({ err: error, subject }, 'bus handler failed'));
      });
    }
  }

  async subscribe(subject: string, handler: BusHandler): Promise<BusSubscription> {
    this.assertOpen();
    const entry = { pattern: subject, handler };
    this.broadcasts.add(entry);
    return { unsubscribe: async () => void this.broadcasts.delete(entry) };
  }

  async publishDurable(subject: string, data: unknown, options: { id?: string } = {}): Promise<void> {
    this.assertOpen();
    if (!this.durablePrefixes.some((p) => subjectMatches(p, subject))) {
      throw new Error(`subject ${subject} is not stored for durable consumers`);
    }
    if (options.id) {
      if (this.seen.has(options.id)) return;
      this.seen.add(options.id);
    }
    this.log.push({ seq: ++this.seq, subject, data: roundTrip(data) });
    if (this.log.length > MAX_STORED) {
      this.log.shift();
      this.logger.warn({ max: MAX_STORED }, 'in-process bus is full; dropped its oldest durable message');
    }
    for (const consumer of this.consumers.values()) consumer.wake?.();
    await this.publish(subject, data);
  }

  async consumeDurable(durable: string, subject: string, handler: BusHandler): Promise<BusSubscription> {
    this.assertOpen();
    let consumer = this.consumers.get(durable);
    if (consumer?.running) throw new Error(`durable consumer ${durable} is already running`);
    consumer ??= { subject, ackedUpTo: 0, running: false };
    consumer.subject = subject;
    consumer.handler = handler;
    consumer.running = true;
    this.consumers.set(durable, consumer);
    void this.pump(durable, consumer);
    return {
      unsubscribe: async () => {
        consumer.running = false;
        consumer.wake?.();
      },
    };
  }

  isHealthy(): boolean {
    return !this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.broadcasts.clear();
    for (const consumer of this.consumers.values()) {
      consumer.running = false;
      consumer.wake?.();
    }
  }

  /** Delivers stored messages to one consumer in order, one at a time. */
  private async pump(durable: string, consumer: DurableConsumer): Promise<void> {
    while (consumer.running && !this.closed) {
      const next = this.log.find((m) => m.seq > consumer.ackedUpTo && subjectMatches(consumer.subject, m.subject));
      if (!next) {
        await new Promise<void>((resolve) => (consumer.wake = resolve));
        consumer.wake = undefined;
        continue;
      }
      for (let attempt = 1; ; attempt++) {
        if (!consumer.running || this.closed) return;
        try {
          await new Promise((r) => setImmediate(r));
          await consumer.handler?.({ subject: next.subject, data: next.data, attempt });
          break;
        } catch (error) {
          if (attempt >= MAX_ATTEMPTS) {
            this.logger.error({ err: error, durable, subject: next.subject }, 'dropping a message that failed every attempt');
            break;
          }
          this.logger.warn({ err: error, durable, attempt }, 'bus handler failed; redelivering');
          await new Promise((r) => setTimeout(r, Math.min(50 * 2 ** attempt, 2000)));
        }
      }
      consumer.ackedUpTo = next.seq;
      this.compact();
    }
  }

  /** Drops messages every known durable consumer has acknowledged. */
  private compact(): void {
    if (this.consumers.size === 0) return;
    const floor = Math.min(...[...this.consumers.values()].map((c) => c.ackedUpTo));
    while (this.log.length > 0 && this.log[0].seq <= floor) this.log.shift();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the bus is closed');
  }
}

/** Copies a payload through JSON, as the network bus would, so no object is shared. */
function roundTrip(data: unknown): unknown {
  return data === undefined ? null : JSON.parse(JSON.stringify(data));
}
