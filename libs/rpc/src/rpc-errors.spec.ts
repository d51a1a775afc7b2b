import { Writable } from 'node:stream';
import * as grpc from '@grpc/grpc-js';
import { createLogger } from '@authmesh/logger';
import { grpcStatusOf, unary } from './rpc-errors.js';

const silent = createLogger({ level: 'fatal', destination: new Writable({ write: (_c, _e, done) => done() }) });

function withCode(code: unknown, message = 'details for the caller'): Error {
  return Object.assign(new Error(message), { code });
}

describe('grpcStatusOf', () => {
  it.each([
    ['not_found', grpc.status.NOT_FOUND],
    ['invalid', grpc.status.INVALID_ARGUMENT],
    ['permission_denied', grpc.status.PERMISSION_DENIED],
    ['unauthenticated', grpc.status.UNAUTHENTICATED],
    ['unavailable', grpc.status.UNAVAILABLE],
    ['failed_precondition', grpc.status.FAILED_PRECONDITION],
  ])('maps the domain code %s to its status and keeps the message', (code, status) => {
    expect(grpcStatusOf(withCode(code))).toEqual({ code: status, details: 'details for the caller', expected: true });
  });

  it.each([
    ['a plain Error', new Error('secret stack')],
    ['a Node system error', withCode('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:5432')],
    ['a PostgreSQL error', withCode('23505', 'duplicate key value violates "users_password_key"')],
    ['a code inherited from Object.prototype', withCode('constructor', 'secret')],
    ['a numeric code', withCode(5, 'secret')],
    ['a thrown string', 'secret'],
    ['null', null],
  ])('answers INTERNAL "internal error" for %s', (_name, error) => {
    expect(grpcStatusOf(error)).toEqual({ code: grpc.status.INTERNAL, details: 'internal error', expected: false });
  });
});

describe('unary', () => {
  function invoke(handler: grpc.handleUnaryCall<{ name: string }, { greeting: string }>) {
    const call = { request: { name: 'alice' }, getPath: () => '/test.v1.TestService/Greet' } as unknown as grpc.ServerUnaryCall<
      { name: string },
      { greeting: string }
    >;
    return new Promise<{ error: grpc.ServerErrorResponse | Partial<grpc.StatusObject> | null; value?: { greeting: string } | null }>(
      (resolve) => handler(call, (error, value) => resolve({ error, value })),
    );
  }

  it('answers the resolved value', async () => {
    const result = await invoke(unary(silent, async (request) => ({ greeting: `hello ${request.name}` })));
    expect(result).toEqual({ error: null, value: { greeting: 'hello alice' } });
  });

  it('turns a synchronous throw into INTERNAL rather than crashing the call', async () => {
    const handler = unary<{ name: string }, { greeting: string }>(silent, () => {
      throw new Error('thrown before any promise');
    });
    expect((await invoke(handler)).error).toEqual({ code: grpc.status.INTERNAL, details: 'internal error' });
  });
});
