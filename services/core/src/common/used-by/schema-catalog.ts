import type { UsedByAction } from './used-by.js';

/** A table of core's schema as PostgreSQL's catalog describes it. */
export interface CatalogTable {
  name: string;
  columns: string[];
  primaryKey: string[];
}

/** PostgreSQL's `pg_constraint.confdeltype`: no action, restrict, cascade, set null, set default. */
export type DeleteRule = 'a' | 'r' | 'c' | 'n' | 'd';

/** A foreign key: `table(columns)` refers to `target(targetColumns)`. */
export interface CatalogForeignKey {
  name: string;
  table: string;
  columns: string[];
  target: string;
  targetColumns: string[];
  onDelete: DeleteRule;
}

/** The tables and foreign keys of one schema. */
export interface SchemaCatalog {
  tables: Map<string, CatalogTable>;
  foreignKeys: CatalogForeignKey[];
}

/** A row of `table` refers to the object through `columns` (a plain foreign key). */
export interface DirectRelation {
  kind: 'direct';
  table: string;
  columns: string[];
  /** The table holding the referenced row: the object's own table or one of its subtype tables. */
  target: string;
  targetColumns: string[];
  action: UsedByAction;
  /**
   * When `table` is a subtype table, the base row that is the referring object (an OAuth2
   * provider's `oauth2_providers` row names its signing key; the object is its `providers` row).
   */
  base?: { table: string; columns: string[]; targetColumns: string[] };
}

/**
 * A row of the join table `joinTable` links the object to a row of `owner` (a many-to-many
 * relation); deleting the object removes the link, so the owner is what is reported.
 */
export interface ManyRelation {
  kind: 'many';
  joinTable: string;
  columns: string[];
  target: string;
  targetColumns: string[];
  owner: string;
  ownerJoinColumns: string[];
  ownerColumns: string[];
  action: UsedByAction;
}

export type Relation = DirectRelation | ManyRelation;

const ACTIONS: Record<DeleteRule, UsedByAction> = { c: 'cascade', n: 'set_null', d: 'set_default', r: 'restrict', a: 'restrict' };

/** What deleting the referenced row does to a row that refers to it through a foreign key with this rule. */
export function actionOf(rule: DeleteRule): UsedByAction {
  return ACTIONS[rule];
}

/**
 * Every way a row of `table` can be referred to in the catalog: plain foreign keys, links
 * through join tables, and references to its subtype rows (a table whose primary key is a
 * foreign key to `table` holds the same object's type-specific columns, e.g. an OAuth2
 * provider's row beside its `providers` row; that row itself is part of the object, not a
 * user of it).
 */
export function relationsTo(catalog: SchemaCatalog, table: string): Relation[] {
  const targets = new Set(objectTables(catalog, table));
  const relations: Relation[] = [];
  for (const fk of catalog.foreignKeys) {
    if (!targets.has(fk.target) || isSubtypeKey(catalog, fk)) continue;
    const others = joinTablePartners(catalog, fk);
    if (others) {
      for (const other of others) {
        relations.push({
          kind: 'many',
          joinTable: fk.table,
          columns: fk.columns,
          target: fk.target,
          targetColumns: fk.targetColumns,
          owner: other.target,
          ownerJoinColumns: other.columns,
          ownerColumns: other.targetColumns,
          action: fk.onDelete === 'c' ? 'cascade_many' : actionOf(fk.onDelete),
        });
      }
      continue;
    }
    const base = catalog.foreignKeys.find((key) => key.table === fk.table && isSubtypeKey(catalog, key));
    relations.push({
      kind: 'direct',
      table: fk.table,
      columns: fk.columns,
      target: fk.target,
      targetColumns: fk.targetColumns,
      action: actionOf(fk.onDelete),
      ...(base ? { base: { table: base.target, columns: base.columns, targetColumns: base.targetColumns } } : {}),
    });
  }
  return relations;
}

/** The tables holding one object of `table`: the table itself and its subtype tables, which share its key. */
export function objectTables(catalog: SchemaCatalog, table: string): string[] {
  return [table, ...catalog.foreignKeys.filter((fk) => fk.target === table && isSubtypeKey(catalog, fk)).map((fk) => fk.table)];
}

/** Whether the key makes its table a subtype of the target: its columns are the table's whole primary key. */
function isSubtypeKey(catalog: SchemaCatalog, fk: CatalogForeignKey): boolean {
  const primaryKey = catalog.tables.get(fk.table)?.primaryKey ?? [];
  return fk.table !== fk.target && sameSet(fk.columns, primaryKey);
}

/**
 * The other foreign key of a join table (a table with exactly two foreign keys, no columns
 * of its own, and not a subtype of either side), or null when `fk`'s table is not one.
 */
function joinTablePartners(catalog: SchemaCatalog, fk: CatalogForeignKey): CatalogForeignKey[] | null {
  const keys = catalog.foreignKeys.filter((other) => other.table === fk.table);
  if (keys.length !== 2 || keys.some((key) => isSubtypeKey(catalog, key))) return null;
  const columns = catalog.tables.get(fk.table)?.columns ?? [];
  const keyed = new Set(keys.flatMap((key) => key.columns));
  if (columns.length === 0 || !columns.every((column) => keyed.has(column))) return null;
  return keys.filter((other) => other !== fk);
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
