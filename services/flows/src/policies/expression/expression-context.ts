import type { JsonValue } from '@authmesh/expressions';
import { GrpcStatus, RpcCallError, type IdentityClient, type User__Output } from '@authmesh/rpc';

/** A user as expressions see it: plain data, attributes parsed, no secrets. */
export function userView(user: User__Output): JsonValue {
  let attributes: JsonValue = {};
  try {
    attributes = JSON.parse(user.attributes_json || '{}') as JsonValue;
  } catch {
    attributes = {};
  }
  return {
    pk: Number(user.pk),
    uuid: user.uuid,
    username: user.username,
    name: user.name,
    email: user.email,
    is_active: user.is_active,
    type: user.type,
    path: user.path,
    attributes,
    groups: user.groups.map((g) => ({ pk: g.pk, name: g.name })),
    is_superuser: user.is_superuser,
    has_usable_password: user.has_password,
    last_login: user.last_login || null,
  };
}

/** Plain JSON of any value (drops functions, cycles and undefined), so the sandbox gets only data. */
export function jsonOf(value: unknown): JsonValue {
  try {
    return JSON.parse(JSON.stringify(value ?? null)) as JsonValue;
  } catch {
    return null;
  }
}

/** `ak_user_by({username | email | pk})`: a user view or null. */
export async function userBy(identity: IdentityClient, query: JsonValue): Promise<JsonValue> {
  if (!query || typeof query !== 'object' || Array.isArray(query))
    throw new Error('ak_user_by takes an object such as {username: "alice"}');
  const q = query as Record<string, JsonValue>;
  const lookup =
    typeof q.username === 'string'
      ? { username: q.username }
      : typeof q.email === 'string'
        ? { email: q.email }
        : q.pk !== undefined && q.pk !== null
          ? { pk: String(q.pk) }
          : null;
  if (!lookup) throw new Error('ak_user_by needs username, email or pk');
  try {
    return userView(await identity.getUser(lookup));
  } catch (error) {
    if (error instanceof RpcCallError && error.status === GrpcStatus.NOT_FOUND) return null;
    throw error;
  }
}
