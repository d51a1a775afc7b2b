import type { Bus, BusSubscription } from './bus.js';

/**
 * The bus of a one-shot command (such as `authmesh blueprint apply`) when no NATS is
 * configured: it is never healthy and refuses to publish, so core keeps events in its
 * outbox, and the next running authmesh relays them.
 */
export class OfflineBus implements Bus {
  readonly kind = 'offline' as const;

  async publish(): Promise<void> {
    throw new Error('the offline bus cannot publish');
  }
  async subscribe(): Promise<BusSubscription> {
    return { unsubscribe: async () => undefined };
  }
  async publishDurable(): Promise<void> {
    throw new Error('the offline bus cannot publish');
  }
  async consumeDurable(): Promise<BusSubscription> {
    throw new Error('the offline bus cannot consume');
  }
  isHealthy(): boolean {
    return false;
  }
  async close(): Promise<void> {}
}
