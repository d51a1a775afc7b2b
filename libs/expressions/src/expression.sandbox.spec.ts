import { ExpressionEngine } from './expression.engine.js';
import { ExpressionError, type ExpressionErrorKind } from './expression.error.js';
import { DEFAULT_EXPRESSION_LIMITS } from './expression.limits.js';
import type { ExpressionInput } from './expression.types.js';

// Security rule 9: expressions run with time and memory limits and reach nothing of the host
// beyond the helpers handed in. Every test here tries to break one of those promises.

let engine: ExpressionEngine;

beforeAll(async () => {
  engine = await ExpressionEngine.create({ timeoutMs: 300 });
});

async function failureKind(input: ExpressionInput, target = engine): Promise<ExpressionErrorKind> {
  const error: unknown = await target.evaluate(input).then(
    (value) => new Error(`expected a failure, got ${JSON.stringify(value)}`),
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ExpressionError)) throw error;
  return error.kind;
}

describe('isolation', () => {
  it('offers no process, require, module loading, network or timers', async () => {
    const source = `return [typeof process, typeof require, typeof module, typeof globalThis.fetch, typeof XMLHttpRequest,
      typeof setTimeout, typeof setInterval, typeof queueMicrotask, typeof std, typeof os, typeof WebAssembly, typeof Deno, typeof Bun]`;
    await expect(engine.evaluate({ source })).resolves.toEqual(Array(13).fill('undefined'));
  });

  it('refuses eval and every Function constructor', async () => {
    for (const source of [
      'return eval("1")',
      'return Function("return this")()',
      'return (() => 1).constructor("return 1")()',
      'return (async () => 1).constructor("return 1")()',
      'return (function* () {}).constructor("yield 1")().next()',
    ]) {
      await expect(failureKind({ source })).resolves.toBe('runtime');
    }
    await expect(engine.evaluate({ source: 'return (() => 1) instanceof Function' })).resolves.toBe(true);
  });

  it('refuses sources nested deeper than the parser may go, without overflowing the host stack', async () => {
    for (const source of [`return ${'['.repeat(30_000)}${']'.repeat(30_000)}`, `return ${'('.repeat(30_000)}1${')'.repeat(30_000)}`]) {
      expect(() => engine.check(source)).toThrow(
        expect.objectContaining({ kind: 'syntax', message: expect.stringContaining('nested too deeply') }),
      );
      await expect(failureKind({ source })).resolves.toBe('syntax');
    }
    await expect(engine.evaluate({ source: `return ${'['.repeat(100)}${']'.repeat(100)}.length` })).resolves.toBe(1);
  });

  it('refuses dynamic import', async () => {
    await expect(failureKind({ source: 'return await import("fs")' })).resolves.toBe('runtime');
  });

  it('lists only ECMAScript built-ins and the helpers as globals', async () => {
    const names = (await engine.evaluate({
      source: 'return Object.getOwnPropertyNames(globalThis)',
      globals: { request: {} },
    })) as string[];
    expect(names).toEqual(expect.arrayContaining(['regex_match', 'regex_replace', 'ip_address', 'ip_network', 'request']));
    expect(names.filter((name) => /^(process|require|hostCall|prelude|settle|run|setupJson)$/.test(name))).toEqual([]);
  });
});

describe('time limit', () => {
  it('ends an endless loop with a timeout', async () => {
    await expect(failureKind({ source: 'while (true) {}' })).resolves.toBe('timeout');
  });

  it('ends a loop that catches the interruption with a timeout', async () => {
    await expect(failureKind({ source: 'for (;;) { try { while (true) {} } catch {} }' })).resolves.toBe('timeout');
  });

  it('ends a catastrophically backtracking pattern with a timeout', async () => {
    await expect(failureKind({ source: 'return regex_match("a".repeat(40) + "!", "^(a+)+$")' })).resolves.toBe('timeout');
  });

  it('ends a wait on a host promise that never settles with a timeout', async () => {
    const hang = () => new Promise<never>(() => undefined);
    await expect(failureKind({ source: 'return await hang()', functions: { hang } })).resolves.toBe('timeout');
  });

  it('counts time spent in host helpers against the same deadline', async () => {
    const nap = () => new Promise<null>((resolve) => setTimeout(() => resolve(null), 120));
    await expect(failureKind({ source: 'for (let i = 0; i < 5; i++) await nap(); return true', functions: { nap } })).resolves.toBe(
      'timeout',
    );
  });

  it('ends, without waiting for the deadline, an expression that awaits a promise nothing can settle', async () => {
    await expect(failureKind({ source: 'await new Promise(() => {}); return true' })).resolves.toBe('runtime');
  });
});

describe('memory limit', () => {
  it('ends unbounded allocation with a memory error and keeps serving', async () => {
    // A generous deadline, so that on a busy machine the memory cap, not the clock, ends these.
    const patient = await ExpressionEngine.create({ timeoutMs: 30_000 });
    await expect(failureKind({ source: 'const a = []; while (true) a.push("x".repeat(1000) + a.length)' }, patient)).resolves.toBe(
      'memory',
    );
    await expect(failureKind({ source: 'const a = []; while (true) a.push({ n: a.length, list: [1, 2, 3] })' }, patient)).resolves.toBe(
      'memory',
    );
    await expect(failureKind({ source: 'return "x".repeat(64 * 1024 * 1024).length' }, patient)).resolves.toBe('memory');
    await expect(engine.evaluate({ source: 'return 1 + 1' })).resolves.toBe(2);
  }, 60_000);

  it('holds when the expression catches the out-of-memory error and carries on', async () => {
    const source = 'const keep = []; for (;;) { try { keep.push("y".repeat(4096) + keep.length) } catch { keep.push(1) } }';
    await expect(failureKind({ source })).resolves.toMatch(/^(memory|timeout)$/);
    await expect(engine.evaluate({ source: 'return "still here"' })).resolves.toBe('still here');
  });

  it('ends runaway recursion with a stack error instead of crashing the host', async () => {
    await expect(failureKind({ source: 'function f() { return f() + 1 } return f()' })).resolves.toBe('memory');
    await expect(failureKind({ source: 'let a = []; for (let i = 0; i < 100000; i++) a = [a]; return String(a)' })).resolves.toBe('memory');
    await expect(engine.evaluate({ source: 'return "still here"' })).resolves.toBe('still here');
  });

  it('refuses limits the sandbox cannot honour', async () => {
    await expect(ExpressionEngine.create({ maxStackBytes: 1024 * 1024 })).rejects.toThrow(RangeError);
    await expect(ExpressionEngine.create({ timeoutMs: 0 })).rejects.toThrow(RangeError);
    await expect(ExpressionEngine.create({ memoryBytes: 1.5 })).rejects.toThrow(RangeError);
  });
});

describe('resource hygiene', () => {
  it('runs 200 sequential evaluations without growing the host heap', async () => {
    // The engine replaces a sandbox module that fills up, so this only bounds the host side;
    // sandbox.evaluation.spec.ts watches the module itself.
    const small = await ExpressionEngine.create({ memoryBytes: 1024 * 1024, maxConcurrent: 1 });
    const ak_user_by = async () => ({ username: 'alice' });
    const input = {
      source: 'const u = await ak_user_by(); return [u.username, request.n]',
      globals: { request: { n: 1 } },
      functions: { ak_user_by },
    };
    for (let i = 0; i < 20; i++) await small.evaluate(input);
    const heapBefore = process.memoryUsage().heapUsed;
    for (let i = 0; i < 200; i++) await expect(small.evaluate(input)).resolves.toEqual(['alice', 1]);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('serves concurrent evaluations beyond its sandbox count by queueing them', async () => {
    const pair = await ExpressionEngine.create({ maxConcurrent: 2 });
    const nap = async (value: number) => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      return value;
    };
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        pair.evaluate({ source: `return await nap(${i})`, functions: { nap: (value) => nap(Number(value)) } }),
      ),
    );
    expect(results).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('frees the sandbox of an expression stuck on a hung helper at its deadline, for the next one in line', async () => {
    const single = await ExpressionEngine.create({ maxConcurrent: 1, timeoutMs: 300 });
    const hang = () => new Promise<never>(() => undefined);
    const stuck = failureKind({ source: 'return await hang()', functions: { hang } }, single);
    // The next expression's deadline then falls 150 ms after the stuck one's.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const next = single.evaluate({ source: 'return "served"' });
    await expect(stuck).resolves.toBe('timeout');
    await expect(next).resolves.toBe('served');
  });

  it('exposes the limits it runs under', () => {
    expect(engine.limits).toEqual({ ...DEFAULT_EXPRESSION_LIMITS, timeoutMs: 300 });
  });
});
