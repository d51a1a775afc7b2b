import { deny, invalid, next, type StageContext, type StageRuntime } from '../stage-runtime.js';

/** Prompt data keys that are user fields; anything else lands in the user's attributes. */
const USER_FIELDS = new Set(['username', 'name', 'email', 'path']);
/** Keys that are never stored. */
const DROPPED = new Set(['password', 'password_repeat']);

/**
 * Writes the plan's prompt data to the pending user, creating the user when the stage's
 * creation mode allows. `attributes.a.b` keys (and unknown keys) become nested attributes.
 */
export const userWriteStage: StageRuntime = {
  type: 'user_write',
  component: 'ak-stage-user-write',
  challenge: (ctx) => write(ctx),
  submit: (ctx) => write(ctx),
};

async function write(ctx: StageContext) {
  const mode = String(ctx.settings.user_creation_mode ?? 'create_when_required');
  const existing = ctx.plan.pending_user;
  const create = mode === 'always_create' || (!existing && mode === 'create_when_required');
  if (!create && !existing) return deny('There is no account to update here.');

  const data = ctx.plan.prompt_data ?? {};
  const fields: Record<string, unknown> = {};
  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (DROPPED.has(key)) continue;
    if (USER_FIELDS.has(key)) fields[key] = value;
    else setPath(attributes, key.startsWith('attributes.') ? key.slice('attributes.'.length) : key, value);
  }
  if (Object.keys(attributes).length > 0) fields.attributes = attributes;
  if (create) {
    fields.type = ctx.settings.user_type ?? 'external';
    fields.is_active = ctx.settings.create_users_as_inactive !== true;
    if (ctx.settings.user_path_template) fields.path = String(ctx.settings.user_path_template);
  }
  const answer = await ctx.services.identity.writeUser({
    user_pk: create ? '' : existing,
    fields_json: JSON.stringify(fields),
    password: typeof data.password === 'string' ? data.password : '',
    add_group_pk: create && ctx.settings.create_users_group ? String(ctx.settings.create_users_group) : '',
    client_ip: ctx.request.clientIp,
  });
  if (!answer.user) return invalid(JSON.parse(answer.errors_json || '{}') as Record<string, string[]>);
  ctx.plan.pending_user = answer.user.pk;
  ctx.plan.user_created = create;
  return next();
}

/** Sets a dotted path in a nested object; path segments that are not safe keys are ignored. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.').filter(Boolean);
  if (parts.length === 0 || parts.some((p) => p === '__proto__' || p === 'constructor' || p === 'prototype')) return;
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const child = node[part];
    node = (child && typeof child === 'object' && !Array.isArray(child) ? child : (node[part] = {})) as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}
