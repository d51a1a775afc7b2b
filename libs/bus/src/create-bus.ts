import type { Logger } from '@authmesh/logger';
import type { Bus } from './bus.js';
import { InProcessBus } from './in-process.bus.js';
import { connectNatsBus } from './nats.bus.js';

/** The bus for this process: NATS when a URL is configured, otherwise the in-process bus. */
export async function createBus(options: { natsUrl?: string; logger: Logger; name: string }): Promise<Bus> {
  if (options.natsUrl) return connectNatsBus({ url: options.natsUrl, logger: options.logger, name: options.name });
  return new InProcessBus({ logger: options.logger });
}
