/**
 * The message bus every authmesh service uses. Two kinds of delivery:
 *
 * - broadcast (`publish`/`subscribe`): fire-and-forget notifications such as
 *   `authmesh.config.v1.changed`; only subscribers connected at the time receive them.
 * - durable (`publishDurable`/`consumeDurable`): messages on streamed subjects (for example
 *   `authmesh.events.v1.created`) are stored until a named durable consumer acknowledges
 *   them, so nothing is lost while that consumer is stopped.
 *
 * Subjects follow `authmesh.<domain>.v1.<event>`. Payloads are JSON values.
 */
export interface Bus {
  /** Which implementation this is, for health output and logs. */
  readonly kind: 'nats' | 'in-process' | 'offline';

  publish(subject: string, data: unknown): Promise<void>;

  /** `subject` may use NATS wildcards (`*` one token, `>` the rest). */
  subscribe(subject: string, handler: BusHandler): Promise<BusSubscription>;

  /**
   * Stores the message before resolving; rejects when it could not be stored (bus down,
   * subject outside the durable subjects). `id` deduplicates re-publication of the same
   * message within a window of a few minutes (the NATS implementation uses it as the
   * message id). Core subscribers of the subject receive it as a broadcast too.
   */
  publishDurable(subject: string, data: unknown, options?: { id?: string }): Promise<void>;

  /**
   * Delivers stored and future messages on `subject` to the consumer named `durable`,
   * resuming after the last acknowledged message. The handler is called for one message at
   * a time, in publication order. A message is acknowledged when the handler resolves; when
   * it throws, the message comes back later (with `attempt` increased, while later messages
   * go on) until the redelivery policy gives up, logs and drops it. `unsubscribe` waits for
   * a running handler; messages not yet handled stay stored for the next start.
   */
  consumeDurable(durable: string, subject: string, handler: BusHandler): Promise<BusSubscription>;

  /** True while the bus can publish. */
  isHealthy(): boolean;

  close(): Promise<void>;
}

export interface BusMessage {
  subject: string;
  data: unknown;
  /** Delivery attempt, starting at 1 (durable messages only; always 1 for broadcasts). */
  attempt: number;
}

export type BusHandler = (message: BusMessage) => void | Promise<void>;

export interface BusSubscription {
  unsubscribe(): Promise<void>;
}

/** Subjects that are stored for durable consumers. */
export const DURABLE_SUBJECT_PREFIXES = ['authmesh.events.v1.'] as const;

/** Well-known subjects. */
export const Subjects = {
  configChanged: 'authmesh.config.v1.changed',
  eventCreated: 'authmesh.events.v1.created',
  /** A service's background task exists (sent when its runner starts); see proto/authmesh/tasks/v1. */
  taskAnnounced: 'authmesh.tasks.v1.announced',
  /** A background task finished a run. */
  taskFinished: 'authmesh.tasks.v1.finished',
  /** Core asks the owning service to run a task now. */
  taskRunRequested: 'authmesh.tasks.v1.run_requested',
} as const;
