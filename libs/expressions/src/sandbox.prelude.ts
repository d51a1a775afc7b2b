/** File name the expression body is compiled under; error locations name it. */
export const EXPRESSION_FILE = 'expression.js';

/** Helpers every expression has, whatever the caller hands in. */
export const BUILTIN_HELPERS = ['regex_match', 'regex_replace', 'ip_address', 'ip_network'] as const;

/** Prefix of the built-in helpers' names on the host bridge; caller helpers are identifiers and cannot collide. */
export const BUILTIN_PREFIX = '#';

// The expression becomes the body of an async strict-mode function, so `return` and `await`
// work at top level and writes to frozen globals throw instead of failing silently. The header
// shares the first line with the source so reported line numbers match what the admin wrote.
const BODY_HEADER = "(async function expression() { 'use strict'; ";
const BODY_FOOTER = '\n})';

/** Wraps an expression body into the source of a function expression. */
export function wrapExpressionBody(source: string): string {
  return `${BODY_HEADER}${source}${BODY_FOOTER}`;
}

/**
 * Runs first in every fresh context, before any admin code. It receives the host bridge
 * `hostCall(name, argsJson)` and a JSON setup `{ globals, functions }`, installs the globals
 * (deep-frozen, non-writable) and the helpers, and hands back `{ run, settle }`:
 * - `run(body)` awaits the compiled body and answers its return value as JSON text;
 * - `settle(ticket, reply)` resolves the promise an async host helper returned.
 * Replies from the host are JSON text `{"v": value}`, `{}` (undefined) or `{"e": message}`.
 * The bridge answers a number (a ticket) instead when the host helper is still working.
 *
 * Everything the prelude relies on later is captured here, so an expression that replaces
 * JSON or Object can only spoil its own result, never the host (which re-parses all text).
 * Async helpers return a thenable, not a promise: the expression consumes it by awaiting it,
 * and `run` fails when one was never consumed, because `if (ak_is_member(...))` without
 * `await` would otherwise test a promise, which is always truthy, and fail open.
 */
export const SANDBOX_PRELUDE = String.raw`(function prelude(hostCall, setupJson) {
  'use strict';
  const parse = JSON.parse;
  const stringify = JSON.stringify;
  const freeze = Object.freeze;
  const keys = Object.keys;
  const defineProperty = Object.defineProperty;
  const PromiseConstructor = Promise;
  const RegExpConstructor = RegExp;
  const pending = new Map();
  const unawaited = new Map();

  class ExpressionResultError extends Error {}
  defineProperty(ExpressionResultError.prototype, 'name', { value: 'ExpressionResultError' });

  function deepFreeze(value) {
    if (value !== null && typeof value === 'object') {
      for (const key of keys(value)) deepFreeze(value[key]);
      freeze(value);
    }
    return value;
  }

  function unwrapReply(reply) {
    const message = parse(reply);
    if ('e' in message) throw new Error(message.e);
    return message.v;
  }

  function awaitable(name, ticket) {
    const promise = new PromiseConstructor(function (resolve, reject) {
      pending.set(ticket, { resolve: resolve, reject: reject });
    });
    const result = freeze({
      then: function (onFulfilled, onRejected) {
        unawaited.delete(result);
        return promise.then(onFulfilled, onRejected);
      },
      catch: function (onRejected) {
        unawaited.delete(result);
        return promise.catch(onRejected);
      },
      finally: function (onFinally) {
        unawaited.delete(result);
        return promise.finally(onFinally);
      },
    });
    unawaited.set(result, name);
    return result;
  }

  function callHost(name, args) {
    const reply = hostCall(name, stringify(args));
    return typeof reply === 'number' ? awaitable(name, reply) : unwrapReply(reply);
  }

  function settle(ticket, reply) {
    const entry = pending.get(ticket);
    if (entry === undefined) return;
    pending.delete(ticket);
    let value;
    try {
      value = unwrapReply(reply);
    } catch (error) {
      entry.reject(error);
      return;
    }
    entry.resolve(value);
  }

  function define(name, value) {
    if (name in globalThis) throw new TypeError('"' + name + '" is already defined in the sandbox');
    defineProperty(globalThis, name, { value: value, enumerable: true, writable: false, configurable: false });
  }

  function helper(name, implementation) {
    defineProperty(implementation, 'name', { value: name });
    define(name, freeze(implementation));
  }

  function requireString(helperName, what, value) {
    if (typeof value !== 'string') throw new TypeError(helperName + ': ' + what + ' must be a string');
    return value;
  }

  helper('regex_match', function (value, pattern) {
    requireString('regex_match', 'the value', value);
    return new RegExpConstructor(requireString('regex_match', 'the pattern', pattern)).test(value);
  });

  helper('regex_replace', function (value, pattern, replacement) {
    requireString('regex_replace', 'the value', value);
    requireString('regex_replace', 'the replacement', replacement);
    return value.replace(new RegExpConstructor(requireString('regex_replace', 'the pattern', pattern), 'g'), replacement);
  });

  helper('ip_address', function (text) {
    return freeze(callHost('#ip_address', [text]));
  });

  helper('ip_network', function (cidr) {
    const network = callHost('#ip_network', [cidr]);
    const canonical = network.network + '/' + network.prefix;
    return freeze({
      network: network.network,
      prefix: network.prefix,
      version: network.version,
      contains: function contains(address) {
        return callHost('#ip_network_contains', [canonical, address]);
      },
    });
  });

  // Dynamic code is never needed in an expression, and code parsed at run time would be parsed
  // under the run-time stack limit, deep enough for a nested literal to overflow Node's own stack.
  function refuseDynamicCode() {
    throw new EvalError('eval and the Function constructors are disabled in expressions');
  }
  refuseDynamicCode.prototype = Function.prototype;
  for (const example of [function () {}, async function () {}, function* () {}, async function* () {}]) {
    defineProperty(Object.getPrototypeOf(example), 'constructor', { value: refuseDynamicCode });
  }
  defineProperty(globalThis, 'Function', { value: refuseDynamicCode });
  defineProperty(globalThis, 'eval', { value: refuseDynamicCode });

  const setup = parse(setupJson);
  for (const name of keys(setup.globals)) define(name, deepFreeze(setup.globals[name]));
  for (const name of setup.functions) {
    helper(name, function (...args) {
      return callHost(name, args);
    });
  }

  function refuseNonJson(key, value) {
    const type = typeof value;
    if (type === 'function' || type === 'symbol' || type === 'bigint') {
      const where = key === '' ? '' : ' at "' + key + '"';
      throw new ExpressionResultError('the expression returned a ' + type + where + '; only JSON values leave the sandbox');
    }
    return value;
  }

  function encodeResult(value) {
    if (value === undefined) return 'null';
    let text;
    try {
      text = stringify(value, refuseNonJson);
    } catch (error) {
      if (error instanceof ExpressionResultError || (error && error.name === 'InternalError')) throw error;
      throw new ExpressionResultError('the expression returned a value that is not JSON: ' + (error && error.message));
    }
    if (typeof text !== 'string') throw new ExpressionResultError('the expression returned a value that is not JSON');
    return text;
  }

  async function run(body) {
    const value = await body();
    for (const name of unawaited.values()) {
      throw new TypeError(name + '() returns a promise that was never awaited; write "await ' + name + '(...)"');
    }
    return encodeResult(value);
  }

  return freeze({ run: run, settle: settle });
})`;
