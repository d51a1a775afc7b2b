import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Subjects, type Bus } from '@authmesh/bus';
import type { Logger } from '@authmesh/logger';
import { CORE_OPTIONS } from '../core.tokens.js';
import type { CoreOptions } from '../core.options.js';
import type { Actor } from './actor.js';
import { BrandRepository } from '../brands/brand.repository.js';
import { durationMs } from '../brands/duration.js';
import { EventOutboxRepository } from './event-outbox.repository.js';

/** The event payload on `authmesh.events.v1.created` (see proto/authmesh/events/v1). */
export interface EventPayload {
  event_uuid: string;
  action: string;
  app: string;
  user: EventUser | Record<string, never>;
  client_ip: string;
  brand: Record<string, unknown>;
  context: Record<string, unknown>;
  created: string;
  /** When the event log may delete the event (from the brand's event retention). */
  expires?: string;
}

/** Who caused an event; while an admin impersonates someone, the admin, acting `on_behalf_of` that user. */
interface EventUser {
  pk: number | string;
  username: string;
  email: string;
  on_behalf_of?: { pk: number | string; username: string; email: string };
}

/** The event's user: the principal, or the impersonating admin on the principal's behalf. */
function eventUser(principal: Actor['principal'] | undefined): EventPayload['user'] {
  if (!principal) return {};
  const { user, impersonator } = principal;
  const acting = { pk: Number(user.pk), username: user.username, email: user.email };
  if (!impersonator) return acting;
  return { pk: Number(impersonator.pk), username: impersonator.username, email: impersonator.email, on_behalf_of: acting };
}

interface BrandOfEvent {
  fields: Record<string, unknown>;
  retentionMs: number;
}

/** A reference to a changed object, as the reference product records it in event contexts. */
export interface ModelRef {
  app: string;
  model_name: string;
  pk: string | number;
  name: string;
}

/** Events held back while work that may still roll back runs (see EventPublisher.holdUntilDone). */
const held = new AsyncLocalStorage<Array<() => Promise<void>>>();

const SECRET_KEYS = /pass(word)?|secret|token|key|private|credential/i;

/** Removes anything that looks like a secret from an event context, recursively. */
export function scrubSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[truncated]';
  if (Array.isArray(value)) return value.map((v) => scrubSecrets(v, depth + 1));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '********' : scrubSecrets(v, depth + 1)]));
  }
  return value;
}

/**
 * Emits audit events onto the bus for the events service to persist. Publishing is durable
 * (JetStream), so events survive an events-service restart; while the bus itself is
 * unreachable, events wait in the core.event_outbox table and are relayed when it returns.
 * A failed publish never undoes the change it describes.
 */
@Injectable()
export class EventPublisher {
  private readonly bus: Bus;
  private readonly logger: Logger;

  private readonly brandCache = new Map<string, { at: number; brand: Promise<BrandOfEvent> }>();

  constructor(
    @Inject(CORE_OPTIONS) options: CoreOptions,
    private readonly brands: BrandRepository,
    private readonly outbox: EventOutboxRepository,
  ) {
    this.bus = options.bus;
    this.logger = options.logger.child({ component: 'events' });
  }

  /** The brand serving a host, as events record it, and its event retention; cached briefly per host. */
  private brandFor(host: string | undefined): Promise<BrandOfEvent> {
    if (!host) return this.brandOf('');
    const cached = this.brandCache.get(host);
    if (cached && Date.now() - cached.at < 30_000) return cached.brand;
    const brand = this.brandOf(host);
    if (this.brandCache.size > 1000) this.brandCache.clear();
    this.brandCache.set(host, { at: Date.now(), brand });
    return brand;
  }

  /** The brand for `host` (the default brand when none matches), for an event. */
  private brandOf(host: string): Promise<BrandOfEvent> {
    return this.brands
      .forHost(host)
      .then(({ brand: b }) =>
        b
          ? { fields: { pk: b.id, domain: b.domain, name: b.brandingTitle }, retentionMs: durationMs(b.eventRetention) }
          : { fields: {}, retentionMs: 0 },
      )
      .catch(() => ({ fields: {}, retentionMs: 0 }));
  }

  /**
   * Runs `work` holding back every event it emits; `release` publishes them and is to be
   * called only once the work's transaction committed. Events of rolled-back work are
   * never published.
   */
  async holdUntilDone<T>(work: () => Promise<T>): Promise<{ result: T; release: () => Promise<void> }> {
    const parent = held.getStore();
    const queue: Array<() => Promise<void>> = [];
    const result = await held.run(queue, work);
    return {
      result,
      release: async () => {
        // Nested holds hand their events to the enclosing one, which releases after its commit.
        if (parent) parent.push(...queue);
        else for (const send of queue) await send();
      },
    };
  }

  async emit(action: string, actor: Partial<Actor> | null, context: Record<string, unknown> = {}): Promise<void> {
    const queue = held.getStore();
    if (queue) {
      queue.push(() => held.exit(() => this.emit(action, actor, context)));
      return;
    }
    const brand = await this.brandFor(actor?.host);
    const created = new Date();
    const payload: EventPayload = {
      event_uuid: randomUUID(),
      action,
      app: 'authmesh.core',
      user: eventUser(actor?.principal),
      client_ip: actor?.clientIp ?? '',
      brand: brand.fields,
      context: scrubSecrets({ ...context, ...(actor?.requestId ? { request_id: actor.requestId } : {}) }) as Record<string, unknown>,
      created: created.toISOString(),
      // The brand's event retention decides how long the event is kept.
      ...(brand.retentionMs > 0 ? { expires: new Date(created.getTime() + brand.retentionMs).toISOString() } : {}),
    };
    try {
      if (!this.bus.isHealthy()) throw new Error('bus disconnected');
      await this.bus.publishDurable(Subjects.eventCreated, payload, { id: payload.event_uuid });
    } catch (error) {
      // The bus is unreachable: keep the event in the outbox; relayPending() sends it later.
      this.logger.warn({ err: (error as Error).message, action }, 'bus unavailable; event kept in the outbox');
      await this.outbox
        .add({ id: payload.event_uuid, subject: Subjects.eventCreated, payload })
        .catch((dbError: unknown) => this.logger.error({ err: dbError, action }, 'event lost: neither bus nor database reachable'));
    }
  }

  /** Publishes events kept in the outbox while the bus was down; returns how many went. */
  async relayPending(): Promise<number> {
    if (!this.bus.isHealthy()) return 0;
    let total = 0;
    for (;;) {
      const sent = await this.outbox.take(100, (row) => this.bus.publishDurable(row.subject, row.payload, { id: row.id }));
      total += sent;
      if (sent < 100) break;
    }
    if (total > 0) this.logger.info({ sent: total }, 'relayed events from the outbox');
    return total;
  }

  modelCreated(actor: Actor, model: ModelRef) {
    return this.modelChanged(actor, model, 'created');
  }

  modelUpdated(actor: Actor, model: ModelRef) {
    return this.modelChanged(actor, model, 'updated');
  }

  modelDeleted(actor: Actor, model: ModelRef) {
    return this.modelChanged(actor, model, 'deleted');
  }

  /**
   * Records the change as an event and tells runtimes on `authmesh.config.v1.changed` so
   * they drop what they cached about the object (payload: ConfigChanged in proto/).
   */
  private async modelChanged(actor: Actor, model: ModelRef, action: 'created' | 'updated' | 'deleted'): Promise<void> {
    await this.emit(`model_${action}`, actor, { model });
    await this.announceChange(model, action);
  }

  /**
   * Tells runtimes on `authmesh.config.v1.changed` that an object changed, without an event of
   * its own: e.g. a notification rule whose policy bindings changed. Held like events.
   */
  async announceChange(model: Pick<ModelRef, 'app' | 'model_name' | 'pk'>, action: 'created' | 'updated' | 'deleted'): Promise<void> {
    const queue = held.getStore();
    if (queue) {
      queue.push(() => held.exit(() => this.announce(model, action)));
      return;
    }
    await this.announce(model, action);
  }

  private async announce(model: Pick<ModelRef, 'app' | 'model_name' | 'pk'>, action: string): Promise<void> {
    const change = { kind: `${model.app}.${model.model_name}`, pk: String(model.pk), action };
    await this.bus.publish(Subjects.configChanged, change).catch((error: unknown) => {
      this.logger.warn({ err: (error as Error).message, change }, 'could not announce a configuration change');
    });
  }
}
