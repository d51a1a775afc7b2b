import type { BlueprintModel, ExportedEntry } from '@authmesh/blueprints';
import type { Paginated } from '@authmesh/http';
import { toWhere } from './identifier-fields.js';

/** What a blueprint entry refers to: the value `!KeyOf` gives, and the key services use. */
export interface BlueprintObject {
  pk: unknown;
  key: string | number;
}

export type CoreBlueprintModel = BlueprintModel<unknown, BlueprintObject>;

/** How one of core's domains is read and written by blueprints. */
export interface ServiceModelSpec<Row> {
  name: string;
  aliases: string[];
  /** Blueprint identifier (API field) → entity property. */
  fields: Record<string, string>;
  /** The repository's lookup by entity properties. */
  findOne(where: Record<string, unknown>): Promise<Row | null>;
  toObject(row: Row): BlueprintObject;
  create(data: Record<string, unknown>): Promise<BlueprintObject>;
  update(existing: BlueprintObject, data: Record<string, unknown>): Promise<unknown>;
  delete(existing: BlueprintObject): Promise<void>;
  schema: Record<string, unknown>;
  export(): Promise<ExportedEntry[]>;
}

/**
 * A blueprint model backed by a domain's service and repository: the same service calls
 * and zod schemas as the API. Writes join the transaction the blueprint is applied in.
 */
export function serviceModel<Row>(spec: ServiceModelSpec<Row>): CoreBlueprintModel {
  return {
    name: spec.name,
    aliases: spec.aliases,
    find: async (_tx, identifiers) => {
      const row = await spec.findOne(toWhere(spec.name, identifiers, spec.fields));
      return row && spec.toObject(row);
    },
    create: (_tx, data) => spec.create(data),
    update: async (_tx, existing, data) => {
      await spec.update(existing, data);
      return existing;
    },
    delete: (_tx, existing) => spec.delete(existing),
    pk: (object) => object.pk,
    schema: spec.schema,
    export: () => spec.export(),
  };
}

/** Every result of a paginated list. */
export async function everyPage<T>(list: (page: { page: number; page_size: number }) => Promise<Paginated<T>>): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const result = await list({ page, page_size: 1000 });
    all.push(...result.results);
    if (!result.pagination.next) return all;
  }
}
