import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import * as grpc from '@grpc/grpc-js';
import { createLogger } from '@authmesh/logger';
import { GrpcHost } from './grpc-host.js';
import { createHealthClient, createIdentityClient, type IdentityClient } from './grpc-clients.js';
import { loadProtos } from './proto-loader.js';
import { RpcCallError, unary } from './rpc-errors.js';
import type { GetUserRequest__Output } from './generated/authmesh/core/v1/GetUserRequest.js';
import type { User } from './generated/authmesh/core/v1/User.js';
import type { HealthCheckResponse__Output } from './generated/grpc/health/v1/HealthCheckResponse.js';

const MESH_KEY = 'mesh-key-for-tests-0123456789';
const IDENTITY = 'authmesh.core.v1.IdentityService';

/** A logger whose lines the test can read. */
function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'warn', destination }) };
}

class DomainFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A fake IdentityService: the username picks the behaviour. */
function fakeGetUser(calls: string[]) {
  return async (request: GetUserRequest__Output): Promise<User> => {
    const username = request.username ?? '';
    calls.push(username);
    if (username === 'missing') throw new DomainFailure('not_found', 'user not found');
    if (username === 'bad') throw new DomainFailure('invalid', 'username: too long');
    if (username === 'forbidden') throw new DomainFailure('permission_denied', 'not allowed');
    if (username === 'anonymous') throw new DomainFailure('unauthenticated', 'who are you');
    if (username === 'boom') throw new Error('connection to postgres://admin:hunter2@db failed');
    if (username === 'slow') return new Promise<User>(() => undefined);
    return { pk: '1', uuid: 'u-1', username, groups: [{ pk: 'g', name: 'admins' }], is_superuser: true };
  };
}

async function rejection(promise: Promise<unknown>): Promise<RpcCallError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RpcCallError)) throw new Error(`expected an RpcCallError, got ${String(error)}`);
  return error;
}

describe('GrpcHost with the typed clients', () => {
  const { lines, logger } = capturingLogger();
  const handled: string[] = [];
  let host: GrpcHost;
  let address: string;
  let client: IdentityClient;

  beforeAll(async () => {
    host = new GrpcHost({ meshKey: MESH_KEY, logger });
    host.add(loadProtos().identity.authmesh.core.v1.IdentityService.service, { GetUser: unary(logger, fakeGetUser(handled)) });
    address = `127.0.0.1:${await host.start('127.0.0.1:0')}`;
    client = createIdentityClient(address, MESH_KEY);
  });
  afterAll(async () => {
    client.close();
    await host.stop(100);
  });
  beforeEach(() => {
    handled.length = 0;
    lines.length = 0;
  });

  it('answers a call that presents the mesh key, with defaults filled in', async () => {
    const user = await client.getUser({ username: 'alice' });
    expect(user).toMatchObject({ pk: '1', username: 'alice', is_active: false, email: '', groups: [{ pk: 'g', name: 'admins' }] });
  });

  it('refuses a wrong mesh key with UNAUTHENTICATED before the handler runs', async () => {
    const stranger = createIdentityClient(address, 'not-the-mesh-key-at-all');
    const error = await rejection(stranger.getUser({ username: 'alice' }));
    stranger.close();
    expect(error.status).toBe(grpc.status.UNAUTHENTICATED);
    expect(handled).toEqual([]);
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'gRPC call without a valid mesh key' }));
  });

  it('refuses a call with no authorization metadata, or the key under another scheme', async () => {
    const Raw = loadProtos().identity.authmesh.core.v1.IdentityService;
    const raw = new Raw(address, grpc.credentials.createInsecure());
    const codeOf = (metadata: grpc.Metadata) =>
      new Promise<grpc.status | undefined>((resolve) => raw.GetUser({ username: 'alice' }, metadata, (error) => resolve(error?.code)));
    const bearer = new grpc.Metadata();
    bearer.set('authorization', `Bearer ${MESH_KEY}`);
    const bare = new grpc.Metadata();
    bare.set('authorization', MESH_KEY);
    expect(await codeOf(new grpc.Metadata())).toBe(grpc.status.UNAUTHENTICATED);
    expect(await codeOf(bearer)).toBe(grpc.status.UNAUTHENTICATED);
    expect(await codeOf(bare)).toBe(grpc.status.UNAUTHENTICATED);
    raw.close();
    expect(handled).toEqual([]);
  });

  it.each([
    ['missing', grpc.status.NOT_FOUND, 'user not found'],
    ['bad', grpc.status.INVALID_ARGUMENT, 'username: too long'],
    ['forbidden', grpc.status.PERMISSION_DENIED, 'not allowed'],
    ['anonymous', grpc.status.UNAUTHENTICATED, 'who are you'],
  ])('maps a typed error thrown for %s to its status and message', async (username, status, details) => {
    const error = await rejection(client.getUser({ username }));
    expect(error).toMatchObject({ method: 'GetUser', status, details });
  });

  it('answers INTERNAL "internal error" for an unexpected throw, logging it but not sending it', async () => {
    const error = await rejection(client.getUser({ username: 'boom' }));
    expect(error.status).toBe(grpc.status.INTERNAL);
    expect(error.details).toBe('internal error');
    expect(error.message).not.toContain('hunter2');
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'gRPC handler failed', method: `/${IDENTITY}/GetUser` }));
  });

  it('answers UNIMPLEMENTED for a method the service left out', async () => {
    const error = await rejection(client.getGroup('8b0e2c5e-0000-4000-8000-000000000000'));
    expect(error.status).toBe(grpc.status.UNIMPLEMENTED);
  });

  it('fails a call that outlives its deadline with DEADLINE_EXCEEDED', async () => {
    const error = await rejection(client.getUser({ username: 'slow' }, { deadlineMs: 100 }));
    expect(error.status).toBe(grpc.status.DEADLINE_EXCEEDED);
  });

  it('reports health per service and for the whole server, without credentials', async () => {
    const health = createHealthClient(address);
    try {
      expect((await health.check(IDENTITY)).status).toBe('SERVING');
      expect((await health.check('')).status).toBe('SERVING');
      host.setStatus(IDENTITY, 'NOT_SERVING');
      expect((await health.check(IDENTITY)).status).toBe('NOT_SERVING');
      expect((await health.check('')).status).toBe('NOT_SERVING');
      host.setStatus(IDENTITY, 'SERVING');
      expect((await health.check(IDENTITY)).status).toBe('SERVING');
      expect((await rejection(health.check('authmesh.nope.v1.NopeService'))).status).toBe(grpc.status.NOT_FOUND);
    } finally {
      host.setStatus(IDENTITY, 'SERVING');
      health.close();
    }
  });

  it('streams status changes to a health watch, starting with the current one', async () => {
    const Health = loadProtos().health.grpc.health.v1.Health;
    const raw = new Health(address, grpc.credentials.createInsecure());
    const seen: Array<HealthCheckResponse__Output['status']> = [];
    const unknown: Array<HealthCheckResponse__Output['status']> = [];
    const watch = raw.Watch({ service: IDENTITY });
    const other = raw.Watch({ service: 'authmesh.later.v1.LaterService' });
    watch.on('data', (message: HealthCheckResponse__Output) => seen.push(message.status));
    other.on('data', (message: HealthCheckResponse__Output) => unknown.push(message.status));
    watch.on('error', () => undefined);
    other.on('error', () => undefined);
    const until = async (check: () => boolean) => {
      for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
    };
    await until(() => seen.length === 1 && unknown.length === 1);
    host.setStatus(IDENTITY, 'NOT_SERVING');
    host.setStatus(IDENTITY, 'NOT_SERVING'); // no change, no message
    host.setStatus(IDENTITY, 'SERVING');
    await until(() => seen.length === 3);
    watch.cancel();
    other.cancel();
    raw.close();
    expect(seen).toEqual(['SERVING', 'NOT_SERVING', 'SERVING']);
    expect(unknown).toEqual(['SERVICE_UNKNOWN']);
  });
});

describe('GrpcHost lifecycle and configuration', () => {
  const { logger } = capturingLogger();

  it('refuses to start with an empty or short mesh key', () => {
    expect(() => new GrpcHost({ meshKey: '', logger })).toThrow(/mesh key/);
    expect(() => new GrpcHost({ meshKey: 'short', logger })).toThrow(/mesh key/);
  });

  it('takes the service name from the definition and refuses a mismatching one', () => {
    const host = new GrpcHost({ meshKey: MESH_KEY, logger });
    const { identity, flows } = loadProtos();
    expect(host.add(identity.authmesh.core.v1.IdentityService.service, {})).toBe(IDENTITY);
    expect(() => host.add('authmesh.core.v1.WrongService', flows.authmesh.flows.v1.FlowService.service, {})).toThrow(/does not match/);
  });

  it('stop() cuts calls still running after the grace period and closes the port', async () => {
    const host = new GrpcHost({ meshKey: MESH_KEY, logger });
    host.add(loadProtos().identity.authmesh.core.v1.IdentityService.service, { GetUser: unary(logger, fakeGetUser([])) });
    const address = `127.0.0.1:${await host.start('127.0.0.1:0')}`;
    const client = createIdentityClient(address, MESH_KEY, { defaultDeadlineMs: 2000 });
    expect((await client.getUser({ username: 'alice' })).username).toBe('alice');

    const hanging = rejection(client.getUser({ username: 'slow' }));
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await host.stop(100);
    expect(Date.now() - started).toBeLessThan(1900);
    expect((await hanging).status).not.toBe(grpc.status.DEADLINE_EXCEEDED);

    const after = await rejection(client.getUser({ username: 'alice' }, { deadlineMs: 500 }));
    expect([grpc.status.UNAVAILABLE, grpc.status.DEADLINE_EXCEEDED]).toContain(after.status);
    client.close();
  });
});

describe('generated contract types', () => {
  it('match the committed proto files (npm run proto:check)', () => {
    const script = join(__dirname, '../../../scripts/proto-gen.mjs');
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
