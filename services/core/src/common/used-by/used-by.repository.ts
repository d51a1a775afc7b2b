import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityTarget } from 'typeorm';
import { DATA_SOURCE } from '../../core.tokens.js';
import { managerFor } from '../../database/transactions.js';
import { NAME_COLUMNS, NAME_EXPRESSIONS } from './model-names.js';
import type { CatalogForeignKey, CatalogTable, DeleteRule, Relation, SchemaCatalog } from './schema-catalog.js';
import type { SettingsReference } from './settings-references.js';

/** Core's schema: every table the catalog is read from and every reference stays inside it. */
const SCHEMA = 'core';

/** One row that refers to an object: its primary key, human name and (for typed tables) type. */
export interface ReferringRow {
  pk: string;
  name: string | null;
  type: string | null;
}

/** Reads core's foreign keys from PostgreSQL's catalog and the rows that refer to an object through them. */
@Injectable()
export class UsedByRepository {
  private catalog?: Promise<SchemaCatalog>;

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** The table an entity is stored in. */
  tableOf(entity: EntityTarget<unknown>): string {
    return this.dataSource.getMetadata(entity).tableName;
  }

  /** Core's tables and foreign keys, read once: the schema only changes by migrations, which run before serving. */
  schema(): Promise<SchemaCatalog> {
    this.catalog ??= this.readCatalog().catch((error: unknown) => {
      this.catalog = undefined;
      throw error;
    });
    return this.catalog;
  }

  /**
   * Up to `limit` rows that refer to the row of `relation.target` whose primary key is
   * `pk`; with `userId`, only rows of tables with a `user_id` column that belong to that user.
   */
  async referrers(catalog: SchemaCatalog, relation: Relation, pk: string, limit: number, userId?: string): Promise<ReferringRow[]> {
    const target = requireTable(catalog, relation.target);
    const match = `(${relation.columns.map((c) => `j.${ident(c)}`).join(', ')}) IN (SELECT ${relation.targetColumns
      .map((c) => `t.${ident(c)}`)
      .join(', ')} FROM ${qualified(target.name)} t WHERE t.${ident(singleKey(target))} = $1)`;
    if (relation.kind === 'direct') {
      const table = requireTable(catalog, relation.table);
      let owned = '';
      if (userId !== undefined) {
        if (!table.columns.includes('user_id')) return [];
        owned = ' AND j.user_id = $3';
      }
      const params = userId === undefined ? [pk, limit] : [pk, limit, userId];
      if (!relation.base) return this.select(table, `${qualified(table.name)} j`, `${match}${owned}`, params);
      // A subtype row refers to the object; its base row is what the answer names.
      const base = requireTable(catalog, relation.base.table);
      const join = joinOn(relation.base.columns, relation.base.targetColumns);
      return this.select(base, `${qualified(table.name)} j JOIN ${qualified(base.name)} o ON ${join}`, `${match}${owned}`, params, 'o');
    }
    // A link in a join table says nothing about who may see its owner, so only superusers get these.
    if (userId !== undefined) return [];
    const owner = requireTable(catalog, relation.owner);
    const join = joinOn(relation.ownerJoinColumns, relation.ownerColumns);
    return this.select(owner, `${qualified(owner.name)} o JOIN ${qualified(relation.joinTable)} j ON ${join}`, match, [pk, limit], 'o');
  }

  /** Up to `limit` rows whose JSON setting names the object `pk`. */
  async settingsReferrers(catalog: SchemaCatalog, reference: SettingsReference, pk: string, limit: number): Promise<ReferringRow[]> {
    const table = catalog.tables.get(reference.table);
    if (!table?.columns.includes(reference.column)) return [];
    const setting = `j.${ident(reference.column)} -> ${literal(reference.key)}`;
    const match = reference.list ? `${setting} @> to_jsonb($1::text)` : `${setting} = to_jsonb($1::text)`;
    return this.select(table, `${qualified(table.name)} j`, match, [pk, limit]);
  }

  private select(table: CatalogTable, from: string, where: string, params: unknown[], alias = 'j'): Promise<ReferringRow[]> {
    const type = table.columns.includes('type') ? `${alias}."type"::text` : 'NULL';
    return managerFor(this.dataSource).query(
      `SELECT ${keyOf(table, alias)} AS pk, ${nameOf(table, alias)} AS name, ${type} AS type FROM ${from}
       WHERE ${where} ORDER BY 2 NULLS LAST, 1 LIMIT $2`,
      params,
    );
  }

  private async readCatalog(): Promise<SchemaCatalog> {
    const manager = managerFor(this.dataSource);
    const tables: Array<{ name: string; columns: string[]; primary_key: string[] }> = await manager.query(
      `SELECT c.relname::text AS name,
              array_agg(a.attname::text ORDER BY a.attnum) AS columns,
              coalesce(array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attnum = ANY (i.indkey::int2[])), '{}') AS primary_key
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')
        GROUP BY c.relname`,
      [SCHEMA],
    );
    const keys: Array<{ name: string; table: string; target: string; on_delete: DeleteRule; columns: string[]; target_columns: string[] }> =
      await manager.query(
        `SELECT con.conname::text AS name, src.relname::text AS table, tgt.relname::text AS target, con.confdeltype::text AS on_delete,
                ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(num, i)
                        JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.i) AS columns,
                ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(num, i)
                        JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.i) AS target_columns
           FROM pg_constraint con
           JOIN pg_class src ON src.oid = con.conrelid
           JOIN pg_namespace sn ON sn.oid = src.relnamespace
           JOIN pg_class tgt ON tgt.oid = con.confrelid
           JOIN pg_namespace tn ON tn.oid = tgt.relnamespace
          WHERE con.contype = 'f' AND sn.nspname = $1 AND tn.nspname = $1
          ORDER BY src.relname, con.conname`,
        [SCHEMA],
      );
    return {
      tables: new Map(tables.map((t) => [t.name, { name: t.name, columns: t.columns, primaryKey: t.primary_key }])),
      foreignKeys: keys.map((k): CatalogForeignKey => ({
        name: k.name,
        table: k.table,
        columns: k.columns,
        target: k.target,
        targetColumns: k.target_columns,
        onDelete: k.on_delete,
      })),
    };
  }
}

function requireTable(catalog: SchemaCatalog, name: string): CatalogTable {
  const table = catalog.tables.get(name);
  if (!table) throw new Error(`Table ${SCHEMA}.${name} is not in the catalog.`);
  return table;
}

/** The one primary key column an object is looked up by; used_by only serves such tables. */
function singleKey(table: CatalogTable): string {
  if (table.primaryKey.length !== 1) throw new Error(`Table ${SCHEMA}.${table.name} has no single-column primary key.`);
  return table.primaryKey[0];
}

function keyOf(table: CatalogTable, alias: string): string {
  if (table.primaryKey.length === 0) return `${alias}.ctid::text`;
  return `concat_ws(':', ${table.primaryKey.map((c) => `${alias}.${ident(c)}::text`).join(', ')})`;
}

function nameOf(table: CatalogTable, alias: string): string {
  const expression = NAME_EXPRESSIONS[table.name];
  if (expression) return expression(alias);
  const columns = NAME_COLUMNS.filter((c) => table.columns.includes(c)).map((c) => `NULLIF(${alias}.${ident(c)}::text, '')`);
  return columns.length > 0 ? `COALESCE(${columns.join(', ')})` : 'NULL';
}

/** `j.a = o.x AND j.b = o.y`: the referring row `j` joined to the reported row `o`. */
function joinOn(columns: string[], otherColumns: string[]): string {
  return columns.map((c, i) => `j.${ident(c)} = o.${ident(otherColumns[i])}`).join(' AND ');
}

function qualified(table: string): string {
  return `${ident(SCHEMA)}.${ident(table)}`;
}

/** A quoted identifier; names come from the catalog, quoted anyway so reserved words (`group`, `order`) work. */
function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
