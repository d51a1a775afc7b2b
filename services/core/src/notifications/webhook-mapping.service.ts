import { Inject, Injectable } from '@nestjs/common';
import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError } from '@authmesh/runtime';
import type { Actor } from '../audit/actor.js';
import { EventPublisher, type ModelRef } from '../audit/event-publisher.js';
import { assertExpressionCompiles } from '../common/expression-check.js';
import { CORE_OPTIONS } from '../core.tokens.js';
import type { CoreOptions } from '../core.options.js';
import { rethrowUnique } from '../database/transactions.js';
import { PropertyMappingEntity } from '../providers/property-mapping.entity.js';
import type { WebhookMappingFilters, WebhookMappingPatch, WebhookMappingRead, WebhookMappingWrite } from './webhook-mapping.dto.js';
import { WebhookMappingRepository } from './webhook-mapping.repository.js';
import { NotificationDependents } from './notification-dependents.js';

/**
 * Webhook mappings: a JavaScript expression whose result is the JSON body sent to an HTTP
 * endpoint (a generic SMS gateway today, webhook notification transports later).
 */
@Injectable()
export class WebhookMappingService {
  constructor(
    private readonly mappings: WebhookMappingRepository,
    private readonly events: EventPublisher,
    private readonly notifications: NotificationDependents,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async list(filters: WebhookMappingFilters, query: ListQuery): Promise<Paginated<WebhookMappingRead>> {
    const [rows, count] = await this.mappings.list(filters, query);
    return paginate(rows.map(serializeWebhookMapping), count, query);
  }

  async get(id: string): Promise<WebhookMappingRead> {
    return serializeWebhookMapping(await this.require(id));
  }

  async create(actor: Actor, input: WebhookMappingWrite): Promise<WebhookMappingRead> {
    assertExpressionCompiles(this.options.expressions, 'expression', input.expression);
    const saved = await this.mappings
      .save(Object.assign(new PropertyMappingEntity(), { name: input.name, expression: input.expression, managed: null }))
      .catch(rethrowUnique);
    await this.events.modelCreated(actor, ref(saved));
    return serializeWebhookMapping(saved);
  }

  async update(actor: Actor, id: string, input: WebhookMappingPatch): Promise<WebhookMappingRead> {
    const mapping = await this.require(id);
    if (input.expression !== undefined) assertExpressionCompiles(this.options.expressions, 'expression', input.expression);
    if (input.name !== undefined) mapping.name = input.name;
    if (input.expression !== undefined) mapping.expression = input.expression;
    const saved = await this.mappings.save(mapping).catch(rethrowUnique);
    await this.events.modelUpdated(actor, ref(saved));
    await this.notifications.announceTransports(await this.notifications.transportsUsing(saved.id));
    return serializeWebhookMapping(saved);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const mapping = await this.require(id);
    const transports = await this.notifications.transportsUsing(id);
    await this.mappings.delete(id);
    await this.events.modelDeleted(actor, ref(mapping));
    await this.notifications.announceTransports(transports);
  }

  /** The mapping as a runtime evaluates it, or null when it is gone. */
  async forRuntime(id: string): Promise<{ pk: string; name: string; expression: string } | null> {
    const mapping = /^[0-9a-f-]{36}$/i.test(id) ? await this.mappings.findById(id) : null;
    return mapping && { pk: mapping.id, name: mapping.name, expression: mapping.expression };
  }

  private async require(id: string): Promise<PropertyMappingEntity> {
    const mapping = await this.mappings.findById(id);
    if (!mapping) throw new NotFoundError();
    return mapping;
  }
}

export function serializeWebhookMapping(m: PropertyMappingEntity): WebhookMappingRead {
  return {
    pk: m.id,
    managed: m.managed,
    name: m.name,
    expression: m.expression,
    component: 'ak-property-mapping-notification-form',
    verbose_name: 'Webhook Mapping',
    verbose_name_plural: 'Webhook Mappings',
    meta_model_name: 'authentik_events.notificationwebhookmapping',
  };
}

function ref(m: PropertyMappingEntity): ModelRef {
  return { app: 'authentik_events', model_name: 'notificationwebhookmapping', pk: m.id, name: m.name };
}
