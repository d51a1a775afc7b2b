import { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { migrateServiceSchema } from '@authmesh/db';
import { createLogger } from '@authmesh/logger';
import { createTestDatabase, type TestDatabase } from '@authmesh/testing';
import { createFlowsDataSource } from '../database/flows.data-source.js';
import { ReputationRepository } from './reputation.repository.js';
import { ReputationService, SECOND_FACTOR_THROTTLE } from './reputation.service.js';

/** Reputation scores in PostgreSQL: atomic under parallel attempts, and forgotten once they expire. */
describe('reputation scores', () => {
  const logger = createLogger({ level: 'fatal', destination: new Writable({ write: (_c, _e, done) => done() }) });
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('authmesh_reputation');
    dataSource = createFlowsDataSource(db.url, logger);
    await dataSource.initialize();
    await migrateServiceSchema(dataSource, logger);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('counts every one of many parallel charges', async () => {
    const reputation = new ReputationService(new ReputationRepository(dataSource));
    await Promise.all(Array.from({ length: 20 }, () => reputation.charge('parallel', '198.51.100.1')));
    expect(await reputation.scoreOf('username', 'parallel')).toBe(-20);
    expect(await reputation.scoreOf('ip', '198.51.100.1')).toBe(-20);
  });

  it('pauses second factors at the throttle line, and forgets a score that has expired', async () => {
    const repository = new ReputationRepository(dataSource, 60);
    const reputation = new ReputationService(repository);
    for (let i = 0; i > SECOND_FACTOR_THROTTLE; i--) await reputation.charge('guesser', '198.51.100.2');
    expect(await reputation.secondFactorThrottled('Guesser')).toBe(true);
    expect(await reputation.secondFactorThrottled('someone-else')).toBe(false);

    // Two minutes without attempts: past the 60 s expiry, the score counts as 0 and starts again from there.
    await dataSource.query(`UPDATE flows.reputation SET updated = now() - interval '2 minutes' WHERE identifier = 'guesser'`);
    expect(await reputation.secondFactorThrottled('guesser')).toBe(false);
    expect(await reputation.charge('guesser', '')).toEqual({ username: -1, ip: 0 });
  });
});
