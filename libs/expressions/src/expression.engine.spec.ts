import { ExpressionEngine } from './expression.engine.js';
import { ExpressionError } from './expression.error.js';
import type { ExpressionInput, JsonValue } from './expression.types.js';

let engine: ExpressionEngine;

beforeAll(async () => {
  engine = await ExpressionEngine.create();
});

async function failure(input: ExpressionInput, target = engine): Promise<ExpressionError> {
  const error: unknown = await target.evaluate(input).then(
    (value) => new Error(`expected a failure, got ${JSON.stringify(value)}`),
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ExpressionError)) throw error;
  return error;
}

function checkFailure(source: string): ExpressionError {
  try {
    engine.check(source);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error('expected check() to fail');
}

describe('return values', () => {
  it.each<[string, JsonValue]>([
    ['return null', null],
    ['return true', true],
    ['return false', false],
    ['return 41 + 1', 42],
    ['return -0.5', -0.5],
    ["return 'text'", 'text'],
    ['return [1, "two", [3], { four: 4 }]', [1, 'two', [3], { four: 4 }]],
    ['return { a: { b: [null, true] } }', { a: { b: [null, true] } }],
  ])('returns %s as JSON', async (source, expected) => {
    await expect(engine.evaluate({ source })).resolves.toEqual(expected);
  });

  it('turns undefined, and a body without return, into null', async () => {
    await expect(engine.evaluate({ source: 'return undefined' })).resolves.toBeNull();
    await expect(engine.evaluate({ source: 'const x = 1;' })).resolves.toBeNull();
  });

  it('follows JSON for values inside the result: dates as text, undefined members dropped', async () => {
    await expect(engine.evaluate({ source: 'return { at: new Date(0), gone: undefined }' })).resolves.toEqual({
      at: '1970-01-01T00:00:00.000Z',
    });
  });

  it.each([
    ['return () => 1', 'function'],
    ['return { nested: Symbol("s") }', 'symbol'],
    ['return 10n', 'bigint'],
    ['const a = {}; a.self = a; return a', 'not JSON'],
  ])('refuses to return %s (kind result)', async (source, mention) => {
    const error = await failure({ source });
    expect(error.kind).toBe('result');
    expect(error.message).toContain(mention);
  });
});

describe('globals', () => {
  const request = { user: { username: 'akadmin', groups: ['admins'] }, context: { ip: '10.0.0.1' } };

  it('are visible to the expression', async () => {
    await expect(engine.evaluate({ source: 'return request.user.groups.includes("admins")', globals: { request } })).resolves.toBe(true);
  });

  it('are deep-frozen: a write throws inside the expression', async () => {
    const error = await failure({ source: 'request.user.username = "root"; return true', globals: { request } });
    expect(error.kind).toBe('runtime');
    expect(error.message).toContain('TypeError');
  });

  it('cannot be replaced or deleted', async () => {
    const source = 'try { request = 1 } catch {} try { delete globalThis.request } catch {} return request.user.username';
    await expect(engine.evaluate({ source, globals: { request } })).resolves.toBe('akadmin');
  });

  it('do not carry changes from one evaluation into the next', async () => {
    const source =
      'const before = globalThis.marker ?? null; globalThis.marker = 1; Array.prototype.evil = 1; return [before, [].evil ?? null]';
    await expect(engine.evaluate({ source, globals: { request } })).resolves.toEqual([null, 1]);
    await expect(engine.evaluate({ source, globals: { request } })).resolves.toEqual([null, 1]);
    expect(request.user.username).toBe('akadmin');
  });

  it('refuses names that are not identifiers or that shadow sandbox built-ins', async () => {
    await expect(engine.evaluate({ source: 'return 1', globals: { 'not-a-name': 1 } })).rejects.toThrow(TypeError);
    await expect(engine.evaluate({ source: 'return 1', globals: { JSON: 1 } })).rejects.toThrow(TypeError);
    await expect(engine.evaluate({ source: 'return 1', functions: { regex_match: () => true } })).rejects.toThrow(TypeError);
  });
});

describe('host functions', () => {
  it('return the awaited result of an async helper', async () => {
    const calls: JsonValue[][] = [];
    const ak_user_by = async (...args: JsonValue[]) => {
      calls.push(args);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { pk: 7, username: 'alice' };
    };
    const source = 'const user = await ak_user_by({ username: "alice" }); return user.pk';
    await expect(engine.evaluate({ source, functions: { ak_user_by } })).resolves.toBe(7);
    expect(calls).toEqual([[{ username: 'alice' }]]);
  });

  it('return a synchronous helper result directly', async () => {
    await expect(engine.evaluate({ source: 'return double(21)', functions: { double: (value) => Number(value) * 2 } })).resolves.toBe(42);
  });

  it('run several async helpers at once', async () => {
    const slow = async (value: JsonValue) => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      return value;
    };
    await expect(
      engine.evaluate({ source: 'return await Promise.all([slow(1), slow(2), slow(3)])', functions: { slow } }),
    ).resolves.toEqual([1, 2, 3]);
  });

  it('hand helpers JSON copies of their arguments', async () => {
    let received: JsonValue[] = [];
    const source = 'const box = { n: 1, f() {} }; inspect(box, undefined); return box.n';
    const inspect = (...args: JsonValue[]) => {
      received = structuredClone(args);
      (args[0] as { n: number }).n = 2;
      return undefined;
    };
    await expect(engine.evaluate({ source, functions: { inspect } })).resolves.toBe(1);
    expect(received).toEqual([{ n: 1 }, null]);
  });

  it('surface a helper failure as an error the expression can catch', async () => {
    const boom = async () => {
      throw new Error('directory unavailable');
    };
    await expect(engine.evaluate({ source: 'try { await boom() } catch (e) { return e.message }', functions: { boom } })).resolves.toBe(
      'directory unavailable',
    );
    const error = await failure({ source: 'return await boom()', functions: { boom } });
    expect(error.kind).toBe('runtime');
    expect(error.message).toContain('directory unavailable');
  });

  it('fail closed when an async helper is used without await', async () => {
    const ak_is_group_member = async () => false;
    const error = await failure({
      source: 'if (ak_is_group_member("admins")) return true; return false',
      functions: { ak_is_group_member },
    });
    expect(error.kind).toBe('runtime');
    expect(error.message).toContain('await ak_is_group_member');
  });
});

describe('errors', () => {
  it('report a thrown error with its message and line', async () => {
    const error = await failure({ source: 'const a = 1;\nthrow new Error("policy says no")' });
    expect(error).toMatchObject({ kind: 'runtime', line: 2 });
    expect(error.message).toContain('policy says no');
  });

  it('report a thrown non-error value', async () => {
    await expect(failure({ source: 'throw "plain text"' })).resolves.toMatchObject({
      kind: 'runtime',
      message: 'the expression threw "plain text"',
    });
  });

  it('report a syntax error from check() with the parser message and line', () => {
    expect(checkFailure('const a = 1;\nreturn a +* 2')).toMatchObject({ kind: 'syntax', line: 2 });
    expect(checkFailure('return (1 +')).toMatchObject({ kind: 'syntax', line: 1, message: expect.stringContaining('unexpected end') });
  });

  it('report a syntax error from evaluate()', async () => {
    await expect(failure({ source: 'return {' })).resolves.toMatchObject({ kind: 'syntax' });
  });

  it('accept valid sources in check(), including top-level await', () => {
    expect(() => engine.check('const user = await ak_user_by({ username: "a" });\nreturn user !== null')).not.toThrow();
  });

  it('never run the source in check(), even code that escapes the function wrapper', () => {
    expect(() => engine.check('}), (function () { while (true) {} })(), (async function () {')).not.toThrow();
  });

  it('refuse an overlong source as a syntax error', async () => {
    await expect(failure({ source: `return 1;${' '.repeat(100_001)}` })).resolves.toMatchObject({ kind: 'syntax' });
  });
});

describe('built-in helpers', () => {
  it('regex_match searches with a JavaScript pattern', async () => {
    await expect(
      engine.evaluate({ source: 'return [regex_match("user@example.com", "@example\\\\.com$"), regex_match("abc", "^b")]' }),
    ).resolves.toEqual([true, false]);
  });

  it('regex_replace replaces every match, with $1-style references', async () => {
    await expect(engine.evaluate({ source: 'return regex_replace("a-b-c", "-(\\\\w)", "+$1")' })).resolves.toBe('a+b+c');
  });

  it('regex helpers refuse values that are not strings', async () => {
    await expect(failure({ source: 'return regex_match(null, "a")' })).resolves.toMatchObject({ kind: 'runtime' });
  });

  it('ip_address classifies IPv4 and IPv6 addresses', async () => {
    const source =
      'return [ip_address("192.168.1.10"), ip_address("2001:DB8::1"), ip_address("::1").is_loopback, ip_address("fe80::1").is_link_local]';
    await expect(engine.evaluate({ source })).resolves.toEqual([
      { address: '192.168.1.10', version: 4, is_private: true, is_loopback: false, is_link_local: false },
      { address: '2001:db8::1', version: 6, is_private: true, is_loopback: false, is_link_local: false },
      true,
      true,
    ]);
  });

  it('ip_network answers its shape and membership for both families', async () => {
    const source = `
      const v4 = ip_network("10.0.0.0/8");
      const v6 = ip_network("2001:db8::/32");
      return [v4.network, v4.prefix, v4.version, v4.contains("10.9.8.7"), v4.contains("11.0.0.1"), v6.contains("2001:db8::5"), v6.contains("10.0.0.1")];`;
    await expect(engine.evaluate({ source })).resolves.toEqual(['10.0.0.0', 8, 4, true, false, true, false]);
  });

  it('ip helpers throw on invalid input, catchably', async () => {
    const source =
      'const out = []; for (const f of [() => ip_address("999.1.1.1"), () => ip_network("10.0.0.1/8"), () => ip_network("::/0").contains("x")]) { try { f(); out.push("no error") } catch (e) { out.push(e.message) } } return out';
    const messages = (await engine.evaluate({ source })) as string[];
    expect(messages).toHaveLength(3);
    expect(messages[0]).toContain('not an IPv4 or IPv6 address');
    expect(messages[1]).toContain('host bits set');
    expect(messages[2]).toContain('not an IPv4 or IPv6 address');
  });
});
