import { BlueprintError } from './blueprint-error.js';
import { META_APPLY_BLUEPRINT, type BlueprintModelRegistry } from './blueprint-models.js';
import type { Blueprint, BlueprintEntry } from './blueprint-parser.js';
import { allowedEnvName } from './env-allow-list.js';
import { BlueprintTag, truthy, type TagScope } from './tags.js';

export type EntryAction = 'created' | 'updated' | 'unchanged' | 'deleted' | 'skipped';

export interface EntryOutcome {
  entry: number;
  model: string;
  action: EntryAction;
  pk?: unknown;
  /** Why a skipped entry was skipped. */
  reason?: string;
}

export interface ApplyResult {
  name: string;
  outcomes: EntryOutcome[];
  /** Results of blueprints applied first through meta entries. */
  included: ApplyResult[];
}

/** A blueprint a meta entry asks for, found by path or by metadata name. */
export interface LoadedBlueprint {
  key: string;
  file?: string;
  blueprint: Blueprint;
}

export interface ApplyOptions<Tx> {
  tx: Tx;
  registry: BlueprintModelRegistry<Tx>;
  env?: NodeJS.ProcessEnv;
  /** Values that replace the blueprint's own context. */
  context?: Record<string, unknown>;
  file?: string;
  loadBlueprint?: (query: { path?: string; name?: string }) => Promise<LoadedBlueprint | null>;
  /** Keys of the blueprints being applied, outermost first (meta cycle detection). */
  stack?: string[];
}

const MAX_META_DEPTH = 8;

/**
 * Applies a blueprint's entries in order inside the caller's transaction. Any failure
 * throws a BlueprintError naming the entry, model and field; the caller rolls back, so a
 * blueprint applies whole or not at all.
 */
export async function applyBlueprint<Tx>(blueprint: Blueprint, options: ApplyOptions<Tx>): Promise<ApplyResult> {
  const file = options.file;
  const stack = options.stack ?? [file ?? blueprint.metadata.name];
  const env = options.env ?? process.env;
  const keys = new Map<string, unknown>();
  const result: ApplyResult = { name: blueprint.metadata.name, outcomes: [], included: [] };

  const makeScope = (): TagScope =>
    bindScope({
      context,
      iterations: [],
      keyOf: (id) => {
        if (!keys.has(id)) throw new BlueprintError(`!KeyOf ${id}: no earlier entry has this id`);
        return keys.get(id);
      },
      env: (name) => {
        const allowed = allowedEnvName(name);
        if (!allowed)
          throw new BlueprintError(`!Env ${name}: blueprints may only read AUTHMESH_BLUEPRINT_* and AUTHMESH_BOOTSTRAP_* variables`);
        const value = env[allowed];
        return value === '' ? undefined : value;
      },
      find: async (modelName, query) => {
        const model = options.registry.get(modelName);
        if (!model) throw new BlueprintError(`!Find: unknown model ${modelName}`);
        const found = await model.find(options.tx, Object.fromEntries(query));
        return found === null ? null : model.pk(found);
      },
    });

  let context: Record<string, unknown> = {};
  context = (await resolveValue(blueprint.context, makeScope()).catch((e: unknown) => {
    throw located(e, { file, field: 'context' });
  })) as Record<string, unknown>;
  context = mergeContext(context, options.context ?? {}, file);

  for (const [index, entry] of blueprint.entries.entries()) {
    const where = { file, entry: index, model: entry.model };
    try {
      const scope = makeScope();
      const conditions = (await resolveValue(entry.conditions, scope)) as unknown[];
      if (!conditions.every(truthy)) {
        result.outcomes.push({ entry: index, model: entry.model, action: 'skipped', reason: 'conditions not met' });
        continue;
      }
      if (META_APPLY_BLUEPRINT.includes(entry.model.toLowerCase())) {
        result.included.push(...(await applyMeta(entry, scope, options, stack)));
        result.outcomes.push({ entry: index, model: entry.model, action: 'unchanged' });
        continue;
      }
      const outcome = await applyEntry(index, entry, scope, options);
      if (entry.id && outcome.pk !== undefined) keys.set(entry.id, outcome.pk);
      result.outcomes.push(outcome);
    } catch (error) {
      throw located(error, where);
    }
  }
  return result;
}

async function applyEntry<Tx>(index: number, entry: BlueprintEntry, scope: TagScope, options: ApplyOptions<Tx>): Promise<EntryOutcome> {
  const model = options.registry.get(entry.model);
  if (!model) throw new BlueprintError(`unknown model ${entry.model}`, { field: 'model' });
  const identifiers = (await resolveValue(entry.identifiers, scope)) as Record<string, unknown>;
  const attrs = (await resolveValue(entry.attrs, scope)) as Record<string, unknown>;
  if (Object.keys(identifiers).length === 0)
    throw new BlueprintError('identifiers are required to find the object', { field: 'identifiers' });
  const existing = await model.find(options.tx, identifiers);
  const base = { entry: index, model: entry.model };
  switch (entry.state) {
    case 'absent':
      if (!existing) return { ...base, action: 'unchanged' };
      await model.delete(options.tx, existing);
      return { ...base, action: 'deleted', pk: model.pk(existing) };
    case 'must_created':
      if (existing)
        throw new BlueprintError('the object already exists, and state must_created requires a new one', { field: 'identifiers' });
      break;
    case 'created':
      if (existing) return { ...base, action: 'unchanged', pk: model.pk(existing) };
      break;
    case 'present':
      if (existing)
        return { ...base, action: 'updated', pk: model.pk(await model.update(options.tx, existing, { ...identifiers, ...attrs })) };
      break;
  }
  const created = await model.create(options.tx, { ...identifiers, ...attrs });
  return { ...base, action: 'created', pk: model.pk(created) };
}

async function applyMeta<Tx>(entry: BlueprintEntry, scope: TagScope, options: ApplyOptions<Tx>, stack: string[]): Promise<ApplyResult[]> {
  const attrs = (await resolveValue(entry.attrs, scope)) as { identifiers?: { path?: unknown; name?: unknown }; required?: unknown };
  const query = {
    path: typeof attrs.identifiers?.path === 'string' ? attrs.identifiers.path : undefined,
    name: typeof attrs.identifiers?.name === 'string' ? attrs.identifiers.name : undefined,
  };
  if (!query.path && !query.name)
    throw new BlueprintError('a meta entry needs attrs.identifiers.path or attrs.identifiers.name', { field: 'attrs.identifiers' });
  const required = attrs.required === undefined ? true : truthy(attrs.required);
  const loaded = options.loadBlueprint ? await options.loadBlueprint(query) : null;
  if (!loaded) {
    if (required) throw new BlueprintError(`the blueprint ${query.path ?? query.name} was not found`, { field: 'attrs.identifiers' });
    return [];
  }
  if (stack.includes(loaded.key))
    throw new BlueprintError(`meta blueprints form a cycle: ${[...stack, loaded.key].join(' -> ')}`, { field: 'attrs.identifiers' });
  if (stack.length >= MAX_META_DEPTH) throw new BlueprintError(`meta blueprints are nested deeper than ${MAX_META_DEPTH}`);
  return [await applyBlueprint(loaded.blueprint, { ...options, file: loaded.file, context: undefined, stack: [...stack, loaded.key] })];
}

/** A scope whose `resolve` resolves within itself (so nested !Enumerate levels see their items). */
function bindScope(base: Omit<TagScope, 'resolve'>): TagScope {
  const scope: TagScope = { ...base, resolve: (value, more = {}) => resolveValue(value, bindScope({ ...scope, ...more })) };
  return scope;
}

/** Replaces tags by their values, depth first. */
export async function resolveValue(value: unknown, scope: TagScope): Promise<unknown> {
  if (value instanceof BlueprintTag) return resolveValue(await value.resolve(scope), scope);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) out.push(await resolveValue(item, scope));
    return out;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = await resolveValue(item, scope);
    return out;
  }
  return value;
}

/** Overrides must keep the type of the value they replace (when the blueprint gives one). */
function mergeContext(base: Record<string, unknown>, overrides: Record<string, unknown>, file?: string): Record<string, unknown> {
  for (const [key, value] of Object.entries(overrides)) {
    const current = base[key];
    if (current !== null && current !== undefined && value !== null && jsonType(current) !== jsonType(value)) {
      throw new BlueprintError(`expected a ${jsonType(current)}, got a ${jsonType(value)}`, { file, field: `context.${key}` });
    }
  }
  return { ...base, ...overrides };
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'mapping' : typeof value;
}

/** Turns any error into a BlueprintError at `where`, keeping field errors of the API's validation. */
function located(error: unknown, where: { file?: string; entry?: number; model?: string; field?: string }): BlueprintError {
  if (error instanceof BlueprintError) return error.within(where);
  const fields = (error as { fields?: Record<string, string[]> } | null)?.fields;
  if (fields && typeof fields === 'object') {
    const [field, messages] = Object.entries(fields)[0] ?? ['', ['invalid']];
    return new BlueprintError(messages.join(' '), { ...where, field: field === 'non_field_errors' ? undefined : field });
  }
  return new BlueprintError((error as Error)?.message ?? String(error), where);
}
