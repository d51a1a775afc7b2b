import type { ExpressionEngine, JsonValue } from '@authmesh/expressions';
import type { IdentityClient } from '@authmesh/rpc';
import type { PolicyRuntime } from '../policy-runtime.js';
import { jsonOf, userBy, userView } from './expression-context.js';

/**
 * Runs an admin-written JavaScript expression in the sandbox. It sees `request.user`,
 * `request.http_request` (method, host, path, user agent — no cookies or headers),
 * `request.context` (the plan context), `ak_client_ip`, and may call `ak_message(text)`,
 * `ak_is_group_member(user, name)`, `await ak_user_by({username})` plus the sandbox's own
 * `regex_match`, `regex_replace`, `ip_address`, `ip_network`. A truthy answer passes.
 */
export function expressionPolicy(engine: ExpressionEngine, identity: IdentityClient): PolicyRuntime {
  return {
    type: 'expression',
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
        },
      });
      return { passing: Boolean(value), messages };
    },
  };
}
