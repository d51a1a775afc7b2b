/**
 * What the engine needs from the service that owns the models: for each model, how to
 * find, create, update and delete objects inside the caller's transaction, with the same
 * validation as the API. `Tx` is whatever transaction handle the owner uses.
 */
export interface BlueprintModel<Tx = unknown, T = unknown> {
  /** Our name, e.g. `authmesh_core.group`. */
  name: string;
  /** Other names that mean this model, e.g. the reference product's `authentik_core.group`. */
  aliases: string[];
  /** Finds the one object matching every identifier, or null. */
  find(tx: Tx, identifiers: Record<string, unknown>): Promise<T | null>;
  create(tx: Tx, data: Record<string, unknown>): Promise<T>;
  update(tx: Tx, existing: T, data: Record<string, unknown>): Promise<T>;
  delete(tx: Tx, existing: T): Promise<void>;
  /** The value `!KeyOf` and `!Find` give for an object. */
  pk(object: T): unknown;
  /** JSON schema of the model's fields, for editors (the API's write schema). */
  schema?: Record<string, unknown>;
  /** Every object as an entry that re-applies to the same state (secrets left out). */
  export?(tx: Tx): Promise<ExportedEntry[]>;
}

/** One object, as `authmesh blueprint export` writes it. */
export interface ExportedEntry {
  id?: string;
  identifiers: Record<string, unknown>;
  attrs: Record<string, unknown>;
}

/** The models a blueprint may name, by every name they go by. */
export class BlueprintModelRegistry<Tx = unknown> {
  private readonly byName = new Map<string, BlueprintModel<Tx>>();

  register(model: BlueprintModel<Tx>): this {
    for (const name of [model.name, ...model.aliases]) this.byName.set(name.toLowerCase(), model);
    return this;
  }

  get(name: string): BlueprintModel<Tx> | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** Every model once, by its own name. */
  models(): Array<BlueprintModel<Tx>> {
    return [...new Set(this.byName.values())];
  }
}

/** Models the engine handles itself rather than a service. */
export const META_APPLY_BLUEPRINT = ['authentik_blueprints.metaapplyblueprint', 'authmesh_blueprints.metaapplyblueprint'];
