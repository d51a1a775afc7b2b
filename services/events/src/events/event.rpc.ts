import { randomUUID } from 'node:crypto';
import { loadProtos, unary, type CreateEventResponse, type Event__Output, type GrpcHost } from '@authmesh/rpc';
import { ValidationFailedError } from '@authmesh/runtime';
import type { Logger } from '@authmesh/logger';
import { incomingEventSchema } from './event.dto.js';
import type { EventService } from './event.service.js';

/** Registers the EventService RPC: the synchronous way to record an event. */
export function registerEventRpc(host: GrpcHost, events: EventService, logger: Logger): void {
  host.add(loadProtos().events.authmesh.events.v1.EventService.service, {
    CreateEvent: unary(logger, async (request: Event__Output): Promise<CreateEventResponse> => {
      const parsed = incomingEventSchema.safeParse({
        event_uuid: request.event_uuid || randomUUID(),
        action: request.action,
        app: request.app,
        user: parseObject(request.user_json, 'user_json'),
        client_ip: request.client_ip,
        brand: parseObject(request.brand_json, 'brand_json'),
        context: parseObject(request.context_json, 'context_json'),
        created: request.created || undefined,
        expires: request.expires || undefined,
      });
      if (!parsed.success)
        throw ValidationFailedError.field('event', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      await events.record(parsed.data);
      return { pk: parsed.data.event_uuid };
    }),
  });
}

function parseObject(text: string, field: string): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw ValidationFailedError.field(field, 'expected a JSON object');
}
