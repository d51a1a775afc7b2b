import { BlueprintError } from './blueprint-error.js';

/** What tags may read while a blueprint is resolved. */
export interface TagScope {
  /** Primary key of an earlier entry with this id. */
  keyOf(id: string): unknown;
  /** An environment variable, if the allow-list lets blueprints read it. */
  env(name: string): string | undefined;
  context: Readonly<Record<string, unknown>>;
  /** Primary key of the object of `model` matching every [field, value], or null. */
  find(model: string, query: Array<[string, unknown]>): Promise<unknown>;
  /** Enclosing !Enumerate iterations, innermost last. */
  iterations: ReadonlyArray<{ index: unknown; value: unknown }>;
  resolve(value: unknown, scope?: Partial<TagScope>): Promise<unknown>;
}

/** A YAML tag whose value is computed when the blueprint is applied. */
export abstract class BlueprintTag {
  abstract readonly tag: string;
  abstract resolve(scope: TagScope): Promise<unknown>;
}

/** Python's notion of truth, which the reference product's conditions follow. */
export function truthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

export class KeyOfTag extends BlueprintTag {
  readonly tag = '!KeyOf';
  constructor(readonly id: string) {
    super();
  }
  async resolve(scope: TagScope) {
    return scope.keyOf(this.id);
  }
}

export class EnvTag extends BlueprintTag {
  readonly tag = '!Env';
  constructor(
    readonly name: string,
    readonly fallback: unknown = '',
  ) {
    super();
  }
  async resolve(scope: TagScope) {
    return scope.env(this.name) ?? (await scope.resolve(this.fallback));
  }
}

export class ContextTag extends BlueprintTag {
  readonly tag = '!Context';
  constructor(
    readonly key: string,
    readonly fallback: unknown = null,
  ) {
    super();
  }
  async resolve(scope: TagScope) {
    return Object.hasOwn(scope.context, this.key) ? scope.context[this.key] : scope.resolve(this.fallback);
  }
}

export class FormatTag extends BlueprintTag {
  readonly tag = '!Format';
  constructor(
    readonly format: unknown,
    readonly args: unknown[],
  ) {
    super();
  }
  async resolve(scope: TagScope) {
    const format = await scope.resolve(this.format);
    if (typeof format !== 'string') throw new BlueprintError('!Format expects a format string first');
    const args = await Promise.all(this.args.map((a) => scope.resolve(a)));
    let next = 0;
    // Python's %-formatting, as the reference product uses: %s, %d, %i and %% .
    return format.replace(/%([sdi%])/g, (_m, kind: string) => {
      if (kind === '%') return '%';
      if (next >= args.length) throw new BlueprintError(`!Format has more placeholders than arguments in "${format}"`);
      const value = args[next++];
      return kind === 's' ? pythonStr(value) : String(Math.trunc(Number(value)));
    });
  }
}

export class FindTag extends BlueprintTag {
  readonly tag = '!Find';
  constructor(
    readonly model: unknown,
    readonly query: unknown[],
  ) {
    super();
  }
  async resolve(scope: TagScope) {
    const model = await scope.resolve(this.model);
    if (typeof model !== 'string') throw new BlueprintError('!Find expects a model name first');
    const query: Array<[string, unknown]> = [];
    for (const pair of this.query) {
      const resolved = await scope.resolve(pair);
      if (!Array.isArray(resolved) || resolved.length !== 2 || typeof resolved[0] !== 'string') {
        throw new BlueprintError('!Find expects [field, value] pairs after the model');
      }
      query.push([resolved[0], resolved[1]]);
    }
    return scope.find(model, query);
  }
}

export class IfTag extends BlueprintTag {
  readonly tag = '!If';
  constructor(
    readonly condition: unknown,
    readonly whenTrue: unknown = true,
    readonly whenFalse: unknown = null,
  ) {
    super();
  }
  async resolve(scope: TagScope) {
    return truthy(await scope.resolve(this.condition)) ? scope.resolve(this.whenTrue) : scope.resolve(this.whenFalse);
  }
}

export const CONDITION_MODES = ['AND', 'NAND', 'OR', 'NOR', 'XOR', 'XNOR'] as const;

export class ConditionTag extends BlueprintTag {
  readonly tag = '!Condition';
  constructor(
    readonly mode: string,
    readonly values: unknown[],
  ) {
    super();
    if (!(CONDITION_MODES as readonly string[]).includes(mode)) {
      throw new BlueprintError(`!Condition mode must be one of ${CONDITION_MODES.join(', ')}, not "${mode}"`);
    }
  }
  async resolve(scope: TagScope) {
    const values = await Promise.all(this.values.map(async (v) => truthy(await scope.resolve(v))));
    const trues = values.filter(Boolean).length;
    switch (this.mode) {
      case 'AND':
        return trues === values.length;
      case 'NAND':
        return trues !== values.length;
      case 'OR':
        return trues > 0;
      case 'NOR':
        return trues === 0;
      case 'XOR':
        return trues % 2 === 1;
      default:
        return trues % 2 === 0;
    }
  }
}

export class EnumerateTag extends BlueprintTag {
  readonly tag = '!Enumerate';
  constructor(
    readonly iterable: unknown,
    readonly output: 'SEQ' | 'MAP',
    readonly body: unknown,
  ) {
    super();
  }
  async resolve(scope: TagScope) {
    const iterable = await scope.resolve(this.iterable);
    const items: Array<[unknown, unknown]> = Array.isArray(iterable)
      ? iterable.map((v, i) => [i, v])
      : iterable && typeof iterable === 'object'
        ? Object.entries(iterable)
        : [];
    if (!Array.isArray(iterable) && (typeof iterable !== 'object' || iterable === null)) {
      throw new BlueprintError('!Enumerate expects a list or a mapping to iterate over');
    }
    const results: unknown[] = [];
    for (const [index, value] of items) {
      results.push(await scope.resolve(this.body, { iterations: [...scope.iterations, { index, value }] }));
    }
    if (this.output === 'SEQ') return results;
    const map: Record<string, unknown> = {};
    for (const result of results) {
      if (!Array.isArray(result) || result.length !== 2)
        throw new BlueprintError('!Enumerate with MAP expects each body to give a [key, value] pair');
      map[String(result[0])] = result[1];
    }
    return map;
  }
}

abstract class IterationTag extends BlueprintTag {
  constructor(readonly depth: number) {
    super();
  }
  protected iteration(scope: TagScope) {
    const item = scope.iterations[scope.iterations.length - 1 - this.depth];
    if (!item) throw new BlueprintError(`${this.tag} ${this.depth} is not inside that many !Enumerate levels`);
    return item;
  }
}

export class IndexTag extends IterationTag {
  readonly tag = '!Index';
  async resolve(scope: TagScope) {
    return this.iteration(scope).index;
  }
}

export class ValueTag extends IterationTag {
  readonly tag = '!Value';
  async resolve(scope: TagScope) {
    return this.iteration(scope).value;
  }
}

function pythonStr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
