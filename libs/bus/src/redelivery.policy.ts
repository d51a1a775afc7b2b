/** How often, and after how long, a durable message whose handler threw is delivered again. */
export interface RedeliveryPolicy {
  /** Deliveries in all, the first included; after the last failed one the message is logged and dropped. */
  maxAttempts: number;
  /** Pause before the next delivery after delivery number `attempt` (starting at 1) failed. */
  delayMs(attempt: number): number;
}

/**
 * Ten deliveries with doubling pauses from 0.5 s up to 30 s: about two minutes in all, so a
 * consumer rides out a short database outage, while a message that can never succeed costs
 * a handful of calls instead of spinning.
 */
export const DEFAULT_REDELIVERY: RedeliveryPolicy = {
  maxAttempts: 10,
  delayMs: (attempt) => Math.min(500 * 2 ** (attempt - 1), 30_000),
};
