import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import * as grpc from '@grpc/grpc-js';
import { createLogger } from '@authmesh/logger';
import { GrpcHost } from './grpc-host';
import { HealthCheckClient, IdentityClient } from './grpc-clients';
import { loadProtos } from './proto-loader';
import { RpcCallError, unary } from './rpc-errors';

const logger = createLogger({ level: 'fatal', destination: new Writable({ write: (_c, _e, done) => done() }) });
const MESH_KEY = 'mesh-key-for-tests';

class NotFound extends Error {
  readonly code = 'not_found';
}

describe('GrpcHost and typed clients', () => {
  let host: GrpcHost;
  let address: string;

  beforeAll(async () => {
    host = new GrpcHost({ meshKey: MESH_KEY, logger });
    const service = loadProtos().identity.authmesh.core.v1.IdentityService.service;
    host.add('authmesh.core.v1.IdentityService', service, {
      GetUser: unary(logger, async (request: { username?: string }) => {
        if (request.username === 'missing') throw new NotFound('no such user');
        if (request.username === 'boom') throw new Error('database password is hunter2');
        return { pk: '1', username: request.username, groups: [{ pk: 'g', name: 'admins' }] };
      }),
    });
    address = `127.0.0.1:${await host.start('127.0.0.1:0')}`;
  });
  afterAll(() => host.stop(100));

  it('answers a call that presents the mesh key', async () => {
    const client = new IdentityClient(address, MESH_KEY);
    const user = await client.getUser({ username: 'alice' });
    expect(user).toMatchObject({ pk: '1', username: 'alice', is_active: false, groups: [{ pk: 'g', name: 'admins' }] });
    client.close();
  });

  it('refuses a call with a wrong mesh key', async () => {
    const client = new IdentityClient(address, 'wrong');
    await expect(client.getUser({ username: 'alice' })).rejects.toMatchObject({ status: grpc.status.UNAUTHENTICATED });
    client.close();
  });

  it('maps typed errors to their status', async () => {
    const client = new IdentityClient(address, MESH_KEY);
    await expect(client.getUser({ username: 'missing' })).rejects.toMatchObject({ status: grpc.status.NOT_FOUND });
    client.close();
  });

  it('answers INTERNAL without leaking the message of an unexpected error', async () => {
    const client = new IdentityClient(address, MESH_KEY);
    const error = (await client.getUser({ username: 'boom' }).catch((e: unknown) => e)) as RpcCallError;
    expect(error.status).toBe(grpc.status.INTERNAL);
    expect(error.message).not.toContain('hunter2');
    client.close();
  });

  it('reports health per service without credentials', async () => {
    const health = new HealthCheckClient(address);
    expect((await health.check('authmesh.core.v1.IdentityService')).status).toBe('SERVING');
    host.setStatus('authmesh.core.v1.IdentityService', 'NOT_SERVING');
    expect((await health.check('authmesh.core.v1.IdentityService')).status).toBe('NOT_SERVING');
    expect((await health.check('')).status).toBe('NOT_SERVING');
    host.setStatus('authmesh.core.v1.IdentityService', 'SERVING');
    await expect(health.check('nope')).rejects.toMatchObject({ status: grpc.status.NOT_FOUND });
    health.close();
  });

  it('keeps the committed generated types current', () => {
    expect(() => execFileSync('node', [join(__dirname, '../../../scripts/proto-gen.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
