import type { ExpressionEngine, JsonValue } from '@authmesh/expressions';
import type { IdentityClient } from '@authmesh/rpc';
import type { PolicyRuntime } from '../policy-runtime.js';
import { jsonOf, userBy, userView } from './expression-context.js';

/**
 * Runs an admin-written JavaScript expression in the sandbox. It sees `request.user`,
 * `request.http_request` (method, host, path, user agent — no cookies or headers),
 * `request.context` (the plan context), `ak_client_ip`, and may call `ak_message(text)`,
 * `ak_is_group_member(user, name)`, `await ak_user_by({username})`, `ak_set_plan_context(key, value)`
 * (pending_user, redirect, prompt_data; flow and stage gates only) plus the sandbox's own
 * `regex_match`, `regex_replace`, `ip_address`, `ip_network`. A truthy answer passes.
 */
/** Plan context keys expressions may set, and how each value is stored. */
const SETTABLE: Record<string, (value: JsonValue) => unknown> = {
  pending_user: (value) => {
    const pk = value && typeof value === 'object' && !Array.isArray(value) ? value.pk : value;
    if (typeof pk !== 'number' && typeof pk !== 'string') throw new Error('pending_user takes a user from ak_user_by');
    return String(pk);
  },
  redirect: (value) => {
    if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) throw new Error('redirect takes a local path');
    return value;
  },
  prompt_data: (value) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('prompt_data takes an object');
    return value;
  },
};

function setPlanContext(changes: Record<string, unknown> | undefined, key: JsonValue, value: JsonValue): void {
  if (!changes) throw new Error('ak_set_plan_context is only available in policies that gate a flow or a stage');
  if (typeof key !== 'string' || !Object.hasOwn(SETTABLE, key))
    throw new Error(`ak_set_plan_context can set ${Object.keys(SETTABLE).join(', ')}`);
  changes[key] = SETTABLE[key](value);
}

export function expressionPolicy(engine: ExpressionEngine, identity: IdentityClient): PolicyRuntime {
  return {
    type: 'expression',
    // An expression that reads neither the request nor the plan depends only on the user and
    // the directory, whose changes are announced; such results may be cached.
    cacheable: (settings) =>
      !/\b(context|http_request|ak_client_ip|ak_is_sso_flow|ak_set_plan_context|Date|Math)\b/.test(String(settings.expression ?? '')),
    async evaluate(settings, request) {
      const messages: string[] = [];
      const user = request.user ? userView(request.user) : null;
      const value = await engine.evaluate({
        source: String(settings.expression ?? ''),
        globals: {
          request: {
            user,
            http_request: { ...request.http, client_ip: request.clientIp },
            context: jsonOf(request.context),
          },
          ak_client_ip: request.clientIp,
          // True when the flow was started for a federation source (an external identity provider).
          ak_is_sso_flow: Boolean(request.context.source),
        },
        functions: {
          ak_message: (text: JsonValue) => {
            if (messages.length < 20) messages.push(String(text).slice(0, 1000));
            return null;
          },
          ak_is_group_member: (candidate: JsonValue, name: JsonValue) => {
            const groups = candidate && typeof candidate === 'object' && !Array.isArray(candidate) ? candidate.groups : null;
            return Array.isArray(groups) && groups.some((g) => g !== null && typeof g === 'object' && !Array.isArray(g) && g.name === name);
          },
          ak_user_by: (query: JsonValue) => userBy(identity, query),
          ak_set_plan_context: (key: JsonValue, value: JsonValue) => {
            setPlanContext(request.planChanges, key, value);
            return null;
          },
        },
      });
      return { passing: Boolean(value), messages };
    },
  };
}
