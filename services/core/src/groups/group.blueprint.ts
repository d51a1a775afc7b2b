import { Injectable } from '@nestjs/common';
import { openApiSchema, parseOrThrow } from '@authmesh/http';
import { everyPage, serviceModel, type CoreBlueprintModel } from '../blueprints/service-model.js';
import { BLUEPRINT_ACTOR as actor } from '../blueprints/system-actor.js';
import { groupPatchSchema, groupWriteSchema, type GroupRead } from './group.dto.js';
import { GroupRepository } from './group.repository.js';
import { GroupService } from './group.service.js';

/** Groups in blueprints; exports list parents before their children. */
@Injectable()
export class GroupBlueprint {
  constructor(
    private readonly groups: GroupService,
    private readonly rows: GroupRepository,
  ) {}

  model(): CoreBlueprintModel {
    return serviceModel({
      name: 'authmesh_core.group',
      aliases: ['authentik_core.group'],
      fields: { pk: 'id', name: 'name', is_superuser: 'isSuperuser', parent: 'parentId' },
      findOne: (where) => this.rows.findOneBy(where),
      toObject: (group) => ({ pk: group.id, key: group.id }),
      create: async (data) => {
        const group = await this.groups.create(actor, parseOrThrow(groupWriteSchema, data));
        return { pk: group.pk, key: group.pk };
      },
      update: (existing, data) => this.groups.update(actor, String(existing.key), parseOrThrow(groupPatchSchema, data)),
      delete: (existing) => this.groups.delete(actor, String(existing.key)),
      schema: openApiSchema(groupWriteSchema),
      export: async () =>
        parentsFirst(await everyPage((page) => this.groups.list({}, page))).map((g) => ({
          id: `group-${g.pk}`,
          identifiers: { name: g.name },
          attrs: { is_superuser: g.is_superuser, parent: g.parent, attributes: g.attributes },
        })),
    });
  }
}

/** Orders groups so every parent comes before its children. */
function parentsFirst(groups: GroupRead[]): GroupRead[] {
  const ordered: GroupRead[] = [];
  const placed = new Set<string | null>([null]);
  while (ordered.length < groups.length) {
    const ready = groups.filter((g) => !ordered.includes(g) && placed.has(g.parent));
    if (ready.length === 0) break;
    for (const g of ready) {
      ordered.push(g);
      placed.add(g.pk);
    }
  }
  return ordered;
}
