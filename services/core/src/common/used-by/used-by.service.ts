import { Injectable } from '@nestjs/common';
import type { EntityTarget } from 'typeorm';
import type { Principal } from '@authmesh/http';
import { modelNameOf } from './model-names.js';
import { objectTables, relationsTo, type SchemaCatalog } from './schema-catalog.js';
import { SETTINGS_REFERENCES, settingsAction } from './settings-references.js';
import { USED_BY_LIMIT_PER_RELATION, type UsedBy, type UsedByAction } from './used-by.js';
import { UsedByRepository, type ReferringRow } from './used-by.repository.js';

/** When one object refers to another in several ways, the answer keeps the one that matters most. */
const WEIGHT: Record<UsedByAction, number> = { restrict: 5, cascade: 4, cascade_many: 3, set_null: 2, set_default: 1 };

/**
 * What deleting an object does to the objects that refer to it, found from core's foreign
 * keys (so tables added later are covered without changes here) and from the ids stage
 * settings hold.
 */
@Injectable()
export class UsedByService {
  constructor(private readonly rows: UsedByRepository) {}

  /**
   * The objects referring to `visible`, which must be the object's own retrieve call: it
   * answers 404 or 403 exactly where retrieve does, before anything is looked up. `pk` is
   * the object's primary key when its read shape does not call it `pk`. Callers who are not
   * superusers see only rows that belong to them (tokens, sessions, devices, ...).
   */
  async of(entity: EntityTarget<unknown>, principal: Principal, visible: Promise<object>, pk?: string | number): Promise<UsedBy[]> {
    const read = await visible;
    const id = pk ?? (read as { pk?: unknown }).pk;
    if (typeof id !== 'string' && typeof id !== 'number') throw new Error('used_by needs the primary key of the object it reads.');
    const key = String(id);
    const user = principal.user;
    const userId = user.isSuperuser ? undefined : user.pk;
    const table = this.rows.tableOf(entity);
    const catalog = await this.rows.schema();
    const found: UsedBy[] = [];
    for (const relation of relationsTo(catalog, table)) {
      const rows = await this.rows.referrers(catalog, relation, key, USED_BY_LIMIT_PER_RELATION, userId);
      const from = relation.kind === 'direct' ? (relation.base?.table ?? relation.table) : relation.owner;
      found.push(...rows.map((row) => usedBy(from, row, relation.action)));
    }
    if (userId === undefined) {
      for (const reference of settingsReferencesTo(catalog, table)) {
        const rows = await this.rows.settingsReferrers(catalog, reference, key, USED_BY_LIMIT_PER_RELATION);
        found.push(...rows.map((row) => usedBy(reference.table, row, settingsAction(reference))));
      }
    }
    return strongestPerObject(found);
  }
}

/** The settings references that can name a row of `table` (or of its subtype tables, which share its key). */
function settingsReferencesTo(catalog: SchemaCatalog, table: string) {
  const targets = new Set(objectTables(catalog, table));
  return SETTINGS_REFERENCES.filter((reference) => targets.has(reference.target));
}

function usedBy(table: string, row: ReferringRow, action: UsedByAction): UsedBy {
  return { ...modelNameOf(table, row.type), pk: row.pk, name: row.name ?? row.pk, action };
}

/** One entry per referring object, with its weightiest action, sorted by model and name. */
export function strongestPerObject(entries: UsedBy[]): UsedBy[] {
  const byObject = new Map<string, UsedBy>();
  for (const entry of entries) {
    const id = `${entry.app}.${entry.model_name}:${entry.pk}`;
    const seen = byObject.get(id);
    if (!seen || WEIGHT[entry.action] > WEIGHT[seen.action]) byObject.set(id, entry);
  }
  return [...byObject.values()].sort(
    (a, b) =>
      a.app.localeCompare(b.app) || a.model_name.localeCompare(b.model_name) || a.name.localeCompare(b.name) || a.pk.localeCompare(b.pk),
  );
}
