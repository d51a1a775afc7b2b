import { Writable } from 'node:stream';
import { loadConfig } from '@authmesh/config';
import { createLogger } from '@authmesh/logger';
import { createTestDatabase, type TestDatabase } from '@authmesh/testing';
import type { DataSource } from 'typeorm';
import { createOAuth2DataSource } from '../database/oauth2.data-source.js';
import { oauth2Service } from '../oauth2.service.js';
import { OidcModelRepository } from './oidc-model.repository.js';
import { postgresAdapter } from './postgres-adapter.js';

const logger = createLogger({ level: 'fatal', destination: new Writable({ write: (_c, _e, done) => done() }) });

describe('oidc-provider storage in the oauth2 schema', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let models: OidcModelRepository;

  beforeAll(async () => {
    db = await createTestDatabase('authmesh_oauth2_storage');
    const config = loadConfig({ env: { DATABASE_URL: db.url, AUTHMESH_SECRET_KEY: 'oauth2-storage-secret-key-long-enough-01234' } });
    expect(await oauth2Service.migrate!({ config, logger, databaseUrl: db.url })).toEqual(['OidcModels1764374400400']);
    dataSource = createOAuth2DataSource(db.url, logger);
    await dataSource.initialize();
    models = new OidcModelRepository(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('stores, finds by id, uid and user code, and consumes once', async () => {
    const Adapter = postgresAdapter(models);
    const codes = new Adapter('AuthorizationCode');
    await codes.upsert('c1', { grantId: 'g1', clientId: 'a', uid: 'u1', userCode: 'ABCD-EFGH' }, 60);
    expect(await codes.find('c1')).toMatchObject({ clientId: 'a', grantId: 'g1' });
    expect(await codes.findByUid('u1')).toMatchObject({ clientId: 'a' });
    expect(await codes.findByUserCode('ABCD-EFGH')).toMatchObject({ clientId: 'a' });
    await codes.consume('c1');
    expect((await codes.find('c1'))?.consumed).toEqual(expect.any(Number));
  });

  it('lets only one of two concurrent redemptions consume, and the loser revokes the grant', async () => {
    const Adapter = postgresAdapter(models);
    const codes = new Adapter('AuthorizationCode');
    const tokens = new Adapter('AccessToken');
    await codes.upsert('c2', { grantId: 'g2' }, 60);
    await tokens.upsert('t2', { grantId: 'g2' }, 60);
    const results = await Promise.allSettled([codes.consume('c2'), codes.consume('c2')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(await tokens.find('t2')).toBeUndefined();
  });

  it('settles a pending device code once: concurrent approvals and denials, only the first wins', async () => {
    const codes = new (postgresAdapter(models))('DeviceCode');
    await codes.upsert('d1', { clientId: 'tv', userCode: 'BCDFGHJK', params: { scope: 'openid' } }, 60);
    const results = await Promise.all([
      models.settleDeviceCode('BCDFGHJK', { accountId: 'alice', grantId: 'g-alice' }),
      models.settleDeviceCode('BCDFGHJK', { accountId: 'mallory', grantId: 'g-mallory' }),
      models.settleDeviceCode('BCDFGHJK', { error: 'access_denied', errorDescription: 'no' }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const stored = await codes.find('d1');
    // The winner's changes only, merged into what oidc-provider stored.
    expect(stored).toMatchObject({ clientId: 'tv', params: { scope: 'openid' } });
    expect(
      [stored?.accountId === 'alice', stored?.accountId === 'mallory', stored?.error === 'access_denied'].filter(Boolean),
    ).toHaveLength(1);
    // An approval's grant is indexed too, so revoking the grant removes the code.
    const [row] = await dataSource.query(`SELECT grant_id FROM oauth2.oidc_models WHERE model = 'DeviceCode' AND id = 'd1'`);
    expect(row.grant_id).toBe(stored?.grantId ?? null);
  });

  it('settles no device code that is unknown, expired, used or being verified', async () => {
    const codes = new (postgresAdapter(models))('DeviceCode');
    await codes.upsert('d2', { clientId: 'tv', userCode: 'CDFGHJKL' }, 60);
    await codes.consume('d2');
    await codes.upsert('d3', { clientId: 'tv', userCode: 'DFGHJKLM', inFlight: true }, 60);
    await codes.upsert('d4', { clientId: 'tv', userCode: 'FGHJKLMN' }, 60);
    await dataSource.query(`UPDATE oauth2.oidc_models SET expires_at = now() - interval '1 second' WHERE id = 'd4'`);
    for (const userCode of ['NOSUCHCD', 'CDFGHJKL', 'DFGHJKLM', 'FGHJKLMN']) {
      expect(await models.settleDeviceCode(userCode, { accountId: 'alice' })).toBe(false);
    }
    expect((await codes.find('d3'))?.accountId).toBeUndefined();
  });

  it('forgets expired artifacts and revokes by grant', async () => {
    const Adapter = postgresAdapter(models);
    const tokens = new Adapter('RefreshToken');
    await tokens.upsert('expired', { grantId: 'g3' }, 1);
    await tokens.upsert('live', { grantId: 'g3' }, 60);
    await dataSource.query(`UPDATE oauth2.oidc_models SET expires_at = now() - interval '1 second' WHERE id = 'expired'`);
    expect(await tokens.find('expired')).toBeUndefined();
    expect(await models.purgeExpired()).toBeGreaterThanOrEqual(1);
    await tokens.revokeByGrantId('g3');
    expect(await tokens.find('live')).toBeUndefined();
  });
});
