import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { migrateServiceSchema } from '@authmesh/db';
import { createLogger } from '@authmesh/logger';
import { createTestDatabase, type TestDatabase } from '@authmesh/testing';
import { createEventsDataSource } from '../database/events.data-source.js';
import { EventEntity } from './event.entity.js';
import { EventRepository } from './event.repository.js';

/** Expired events leave in batches; the count of each batch ends the purge loop. */
describe('expired events', () => {
  const logger = createLogger({ level: 'fatal', destination: new Writable({ write: (_c, _e, done) => done() }) });
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('authmesh_events_expiry');
    dataSource = createEventsDataSource(db.url, logger);
    await dataSource.initialize();
    await migrateServiceSchema(dataSource, logger);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('deletes at most a batch of expired events, answers how many, and keeps the others', async () => {
    const events = new EventRepository(dataSource);
    const event = (expires: Date) =>
      Object.assign(new EventEntity(), {
        eventUuid: randomUUID(),
        action: 'login',
        app: 'test',
        user: {},
        context: {},
        clientIp: '',
        brand: {},
        created: new Date(Date.now() - 86_400_000),
        expires,
      });
    for (let i = 0; i < 3; i++) await events.insert(event(new Date(Date.now() - 1000)));
    await events.insert(event(new Date(Date.now() + 86_400_000)));

    expect(await events.deleteExpired(2)).toBe(2);
    expect(await events.deleteExpired(2)).toBe(1);
    expect(await events.deleteExpired(2)).toBe(0);
    const [rows] = await events.list({}, { page: 1, page_size: 10 });
    expect(rows).toHaveLength(1);
  });
});
