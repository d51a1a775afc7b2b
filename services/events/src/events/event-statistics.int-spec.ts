import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { migrateServiceSchema } from '@authmesh/db';
import { createLogger } from '@authmesh/logger';
import { createTestDatabase, type TestDatabase } from '@authmesh/testing';
import { createEventsDataSource } from '../database/events.data-source.js';
import type { EventsOptions } from '../events.options.js';
import { EventEntity } from './event.entity.js';
import { EventRepository } from './event.repository.js';
import { EventService } from './event.service.js';

/** The dashboard's charts: counts per bucket with empty buckets as zero, and the busiest applications. */
describe('event statistics', () => {
  const logger = createLogger({ level: 'fatal', destination: new Writable({ write: (_c, _e, done) => done() }) });
  const now = new Date('2026-11-20T12:30:00Z');
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
  let db: TestDatabase;
  let dataSource: DataSource;
  let service: EventService;

  const store = (action: string, created: Date, extra: Partial<Pick<EventEntity, 'user' | 'context'>> = {}) =>
    new EventRepository(dataSource).insert(
      Object.assign(new EventEntity(), {
        eventUuid: randomUUID(),
        action,
        app: 'test',
        user: {},
        context: {},
        clientIp: '',
        brand: {},
        created,
        expires: new Date(now.getTime() + 86_400_000),
        ...extra,
      }),
    );

  beforeAll(async () => {
    db = await createTestDatabase('authmesh_events_statistics');
    dataSource = createEventsDataSource(db.url, logger);
    await dataSource.initialize();
    await migrateServiceSchema(dataSource, logger);
    service = new EventService(new EventRepository(dataSource), { recorded: { inc: () => undefined } } as unknown as EventsOptions);
    const wiki = { pk: 'a1', name: 'Wiki', slug: 'wiki' };
    const chat = { pk: 'a2', name: 'Chat', slug: 'chat' };
    await store('login', hoursAgo(1), { user: { pk: 1, username: 'ann' } });
    await store('login', hoursAgo(2), { user: { pk: 2, username: 'bob' } });
    await store('login', hoursAgo(30), { user: { pk: 1, username: 'ann' } });
    await store('login', hoursAgo(24 * 8), { user: { pk: 1, username: 'ann' } });
    await store('login_failed', hoursAgo(3));
    await store('model_created', hoursAgo(50), { context: { model: { app: 'authentik_core', model_name: 'user', pk: 7 } } });
    await store('model_created', hoursAgo(50), { context: { model: { app: 'authentik_core', model_name: 'group', pk: 'g' } } });
    for (const user of [1, 1, 2])
      await store('authorize_application', hoursAgo(5), { user: { pk: user }, context: { authorized_application: wiki } });
    await store('authorize_application', hoursAgo(5), { user: { pk: 3 }, context: { authorized_application: chat } });
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('counts logins per 8 hours over the last week, empty buckets as zero, older events left out', async () => {
    const metrics = await service.loginMetrics(now);
    expect(metrics.logins).toHaveLength(21);
    expect(metrics.logins.reduce((sum, point) => sum + point.y_cord, 0)).toBe(3);
    const last = metrics.logins[metrics.logins.length - 1];
    expect(last.y_cord).toBe(2);
    expect(last.x_cord).toBeLessThanOrEqual(now.getTime());
    expect(metrics.logins_failed.reduce((sum, point) => sum + point.y_cord, 0)).toBe(1);
    expect(metrics.authorizations.reduce((sum, point) => sum + point.y_cord, 0)).toBe(4);
    for (const [index, point] of metrics.logins.entries())
      if (index > 0) expect(point.x_cord - metrics.logins[index - 1].x_cord).toBe(8 * 3_600_000);
  });

  it('counts per day with the list filters (users created)', async () => {
    const days = await service.volume({ action: 'model_created', context_model_name: 'user' }, 30 * 86_400, 86_400, now);
    expect(days).toHaveLength(30);
    expect(days.reduce((sum, point) => sum + point.y_cord, 0)).toBe(1);
  });

  it('names the busiest applications with their distinct users', async () => {
    const top = await service.topPerUser('authorize_application', 10);
    expect(top).toEqual([
      { application: { pk: 'a1', name: 'Wiki', slug: 'wiki' }, counted_events: 3, unique_users: 2 },
      { application: { pk: 'a2', name: 'Chat', slug: 'chat' }, counted_events: 1, unique_users: 1 },
    ]);
    expect(await service.topPerUser('authorize_application', 1)).toHaveLength(1);
  });
});
