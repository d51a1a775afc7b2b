import { Inject, Injectable } from '@nestjs/common';
import { GrpcStatus, RpcCallError } from '@authmesh/rpc';
import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError, UnavailableError, ValidationFailedError } from '@authmesh/runtime';
import type { Actor } from '../audit/actor.js';
import { EventPublisher, type ModelRef } from '../audit/event-publisher.js';
import { CORE_OPTIONS } from '../core.tokens.js';
import type { CoreOptions } from '../core.options.js';
import { rethrowUnique } from '../database/transactions.js';
import { NotificationTransportEntity, TRANSPORT_MODE_LABELS, type TransportMode } from './notification-transport.entity.js';
import type {
  NotificationTransportFilters,
  NotificationTransportPatch,
  NotificationTransportRead,
  NotificationTransportTest,
  NotificationTransportWrite,
} from './notification-transport.dto.js';
import { NotificationTransportRepository } from './notification-transport.repository.js';

/** Modes that POST to `webhook_url`, which they therefore need. */
const WEBHOOK_MODES: ReadonlySet<TransportMode> = new Set(['webhook', 'webhook_slack']);

/** What the test action did: the HTTP status it answers with and the messages to show. */
export interface TransportTestOutcome {
  status: 200 | 503;
  body: NotificationTransportTest;
}

/** Notification transports: how notifications leave (stored, webhook, e-mail), and their test. */
@Injectable()
export class NotificationTransportService {
  constructor(
    private readonly transports: NotificationTransportRepository,
    private readonly events: EventPublisher,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async list(filters: NotificationTransportFilters, query: ListQuery): Promise<Paginated<NotificationTransportRead>> {
    const [rows, count] = await this.transports.list(filters, query);
    return paginate(rows.map(serializeTransport), count, query);
  }

  async get(id: string): Promise<NotificationTransportRead> {
    return serializeTransport(await this.require(id));
  }

  async create(actor: Actor, input: NotificationTransportWrite): Promise<NotificationTransportRead> {
    return this.write(actor, new NotificationTransportEntity(), input, 'created');
  }

  async update(actor: Actor, id: string, input: NotificationTransportPatch): Promise<NotificationTransportRead> {
    return this.write(actor, await this.require(id), input, 'updated');
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const transport = await this.require(id);
    await this.transports.delete(id);
    await this.events.modelDeleted(actor, ref(transport));
  }

  /**
   * Sends a test notification through the transport to the admin who asked, by the events
   * runtime (which owns deliveries). A failed delivery answers 503 with its reason.
   */
  async test(actor: Actor, id: string): Promise<TransportTestOutcome> {
    const transport = await this.require(id);
    const client = this.options.notifications;
    if (!client) throw new UnavailableError('The events service is not reachable from here.');
    try {
      const answer = await client.testTransport({ transport_pk: transport.id, user_pk: String(actor.principal.user.pk) });
      return { status: 200, body: { messages: answer.messages } };
    } catch (error) {
      if (!(error instanceof RpcCallError)) throw error;
      if (error.status === GrpcStatus.NOT_FOUND) throw new NotFoundError();
      if (error.status === GrpcStatus.UNAVAILABLE) return { status: 503, body: { messages: [error.details] } };
      if (error.status === GrpcStatus.DEADLINE_EXCEEDED) {
        return { status: 503, body: { messages: ['The events service did not answer in time.'] } };
      }
      this.options.logger.warn({ err: error.message, transport: transport.id }, 'transport test failed');
      return { status: 503, body: { messages: ['The events service could not run the test.'] } };
    }
  }

  private async write(
    actor: Actor,
    transport: NotificationTransportEntity,
    input: NotificationTransportPatch,
    change: 'created' | 'updated',
  ): Promise<NotificationTransportRead> {
    const mode = input.mode ?? transport.mode;
    const url = input.webhook_url ?? transport.webhookUrl ?? '';
    const errors: Record<string, string[]> = {};
    if (WEBHOOK_MODES.has(mode) && url === '') errors.webhook_url = ['This field is required for webhook modes.'];
    if (input.webhook_mapping && !(await this.transports.mappingExists(input.webhook_mapping))) {
      errors.webhook_mapping = [`Invalid pk "${input.webhook_mapping}" - object does not exist.`];
    }
    if (Object.keys(errors).length > 0) throw new ValidationFailedError(errors);
    if (input.name !== undefined) transport.name = input.name;
    transport.mode = mode;
    transport.webhookUrl = url;
    if (input.webhook_mapping !== undefined) transport.webhookMappingId = input.webhook_mapping;
    transport.webhookMappingId ??= null;
    if (input.send_once !== undefined) transport.sendOnce = input.send_once;
    transport.sendOnce ??= false;
    const saved = await this.transports.save(transport).catch(rethrowUnique);
    await (change === 'created' ? this.events.modelCreated(actor, ref(saved)) : this.events.modelUpdated(actor, ref(saved)));
    return serializeTransport(saved);
  }

  private async require(id: string): Promise<NotificationTransportEntity> {
    const transport = await this.transports.findById(id);
    if (!transport) throw new NotFoundError();
    return transport;
  }
}

export function serializeTransport(t: NotificationTransportEntity): NotificationTransportRead {
  return {
    pk: t.id,
    name: t.name,
    mode: t.mode,
    mode_verbose: TRANSPORT_MODE_LABELS[t.mode],
    webhook_url: t.webhookUrl,
    webhook_mapping: t.webhookMappingId,
    send_once: t.sendOnce,
  };
}

function ref(t: NotificationTransportEntity): ModelRef {
  return { app: 'authentik_events', model_name: 'notificationtransport', pk: t.id, name: t.name };
}
