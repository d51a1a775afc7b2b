import type { ExpressionEngine, JsonValue } from '@authmesh/expressions';
import type { GroupEntity } from '../../groups/group.entity.js';
import type { UserEntity } from '../../users/user.entity.js';

/** A user as scope mapping expressions see it: the same shape as in expression policies. */
export function scopeUserView(user: UserEntity, groups: GroupEntity[]): JsonValue {
  return {
    pk: user.id,
    uuid: user.uuid,
    username: user.username,
    name: user.name,
    email: user.email,
    is_active: user.isActive,
    type: user.type,
    path: user.path,
    attributes: JSON.parse(JSON.stringify(user.attributes ?? {})) as JsonValue,
    groups: groups.map((g) => ({ pk: g.id, name: g.name })),
    is_superuser: groups.some((g) => g.isSuperuser),
    last_login: user.lastLogin?.toISOString() ?? null,
  };
}

export interface ScopeExpression {
  name: string;
  scopeName: string;
  expression: string;
}

/** What evaluating a set of scope mappings gave: merged claims and the mappings that failed. */
export interface ScopeClaims {
  claims: Record<string, JsonValue>;
  failures: Array<{ mapping: string; error: string }>;
}

/**
 * Runs each mapping and merges the objects they return, in order (later mappings win on a
 * shared claim). A mapping that throws, times out or returns something other than an
 * object adds nothing: a broken mapping must never invent claims, and is reported.
 */
export async function evaluateScopeClaims(
  engine: ExpressionEngine,
  mappings: ScopeExpression[],
  user: JsonValue,
  scopes: string[],
): Promise<ScopeClaims> {
  const claims: Record<string, JsonValue> = {};
  const failures: ScopeClaims['failures'] = [];
  for (const mapping of mappings) {
    try {
      const value = await engine.evaluate({
        source: mapping.expression,
        globals: { request: { user, context: { scopes } } },
      });
      if (value === null) continue;
      if (typeof value !== 'object' || Array.isArray(value)) throw new Error('a scope mapping must return an object of claims');
      Object.assign(claims, value);
    } catch (error) {
      failures.push({ mapping: mapping.name, error: (error as Error).message });
    }
  }
  return { claims, failures };
}
