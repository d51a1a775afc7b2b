import { Inject, Injectable } from '@nestjs/common';
import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError } from '@authmesh/runtime';
import { EVENTS_OPTIONS } from '../events.tokens.js';
import type { EventsOptions } from '../events.options.js';
import { EventEntity } from './event.entity.js';
import type { EventFilters, EventRead, IncomingEvent } from './event.dto.js';
import { EventRepository } from './event.repository.js';

/** One point of a chart: time in milliseconds, count. */
export interface Coordinate {
  x_cord: number;
  y_cord: number;
}

export interface LoginMetrics {
  logins: Coordinate[];
  logins_failed: Coordinate[];
  authorizations: Coordinate[];
}

/** Time an event is kept when its publisher gives no expiry. */
const DEFAULT_RETENTION_DAYS = 365;

/** Longest retention accepted from a publisher. */
const MAX_RETENTION_DAYS = 3650;

/** The event log: recording events from every service and reading them back. */
@Injectable()
export class EventService {
  constructor(
    private readonly events: EventRepository,
    @Inject(EVENTS_OPTIONS) private readonly options: EventsOptions,
  ) {}

  /** Records an event; returns false when it was already recorded (redelivery). */
  async record(input: IncomingEvent): Promise<boolean> {
    const created = input.created ? new Date(input.created) : new Date();
    const event = Object.assign(new EventEntity(), {
      eventUuid: input.event_uuid,
      action: input.action,
      app: input.app,
      user: input.user,
      context: input.context,
      clientIp: input.client_ip,
      brand: input.brand,
      created,
      expires: expiry(created, input.expires),
    });
    const stored = await this.events.insert(event);
    if (stored) {
      this.options.recorded.inc({ action: input.action });
      this.options.onRecorded?.(serializeEvent(event));
    }
    return stored;
  }

  async list(filters: EventFilters, query: ListQuery): Promise<Paginated<EventRead>> {
    const [rows, count] = await this.events.list(filters, query);
    return paginate(rows.map(serializeEvent), count, query);
  }

  async get(id: string): Promise<EventRead> {
    const event = await this.events.findById(id);
    if (!event) throw new NotFoundError();
    return serializeEvent(event);
  }

  /**
   * Counts per time bucket over a period ending now, one coordinate per bucket (empty buckets
   * count 0): `x_cord` is the bucket's start in milliseconds since the epoch.
   */
  async volume(filters: EventFilters, periodSeconds: number, bucketSeconds: number, now = new Date()): Promise<Coordinate[]> {
    const since = new Date(
      Math.floor((now.getTime() - periodSeconds * 1000) / (bucketSeconds * 1000)) * bucketSeconds * 1000 + bucketSeconds * 1000,
    );
    const counted = new Map((await this.events.volume(filters, since, bucketSeconds)).map((row) => [row.bucket.getTime(), row.count]));
    const coordinates: Coordinate[] = [];
    for (let at = since.getTime(); at <= now.getTime(); at += bucketSeconds * 1000)
      coordinates.push({ x_cord: at, y_cord: counted.get(at) ?? 0 });
    return coordinates;
  }

  /** Logins, failed logins and authorizations over the last week, per 8 hours (the admin dashboard's chart). */
  async loginMetrics(now = new Date()): Promise<LoginMetrics> {
    const week = 7 * 24 * 3600;
    const eightHours = 8 * 3600;
    const [logins, failed, authorizations] = await Promise.all(
      ['login', 'login_failed', 'authorize_application'].map((action) => this.volume({ action }, week, eightHours, now)),
    );
    return { logins, logins_failed: failed, authorizations };
  }

  /** The applications with the most events of an action, and how many distinct users caused them. */
  async topPerUser(
    action: string,
    limit: number,
  ): Promise<Array<{ application: Record<string, unknown>; counted_events: number; unique_users: number }>> {
    return (await this.events.topApplications(action, limit)).map((row) => ({
      application: row.application,
      counted_events: row.counted,
      unique_users: row.users,
    }));
  }

  async actions(): Promise<Array<{ name: string }>> {
    return (await this.events.actions()).map((name) => ({ name }));
  }

  /** Deletes expired events in batches, reporting progress; returns the total removed. */
  async purgeExpired(): Promise<number> {
    let total = 0;
    for (let removed = -1; removed !== 0;) {
      removed = await this.events.deleteExpired(5000);
      total += removed;
      if (removed > 0) this.options.logger.info({ removed, total }, 'removing expired events');
    }
    return total;
  }
}

/** The publisher's expiry (its brand's retention), kept within sane bounds, else the default. */
function expiry(created: Date, requested: string | undefined): Date {
  const fallback = new Date(created.getTime() + DEFAULT_RETENTION_DAYS * 86_400_000);
  if (!requested) return fallback;
  const at = new Date(requested);
  const latest = created.getTime() + MAX_RETENTION_DAYS * 86_400_000;
  return at.getTime() > created.getTime() && at.getTime() <= latest ? at : fallback;
}

/** An event as the API shows it (also what notification rules and webhooks see). */
export function serializeEvent(event: EventEntity): EventRead {
  return {
    pk: event.eventUuid,
    action: event.action,
    app: event.app,
    user: event.user,
    context: event.context,
    client_ip: event.clientIp || null,
    brand: event.brand,
    created: event.created.toISOString(),
    expires: event.expires.toISOString(),
  };
}
