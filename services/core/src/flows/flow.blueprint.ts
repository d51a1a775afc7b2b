import { Injectable } from '@nestjs/common';
import { openApiSchema, parseOrThrow } from '@authmesh/http';
import { everyPage, serviceModel, type CoreBlueprintModel } from '../blueprints/service-model.js';
import { BLUEPRINT_ACTOR as actor } from '../blueprints/system-actor.js';
import { flowPatchSchema, flowWriteSchema } from './flow.dto.js';
import { FlowRepository } from './flow.repository.js';
import { FlowService } from './flow.service.js';

/** Flows in blueprints, found by slug. */
@Injectable()
export class FlowBlueprint {
  constructor(
    private readonly flows: FlowService,
    private readonly rows: FlowRepository,
  ) {}

  model(): CoreBlueprintModel {
    return serviceModel({
      name: 'authmesh_flows.flow',
      aliases: ['authentik_flows.flow'],
      fields: { pk: 'id', slug: 'slug', name: 'name', designation: 'designation' },
      findOne: (where) => this.rows.findOneBy(where),
      toObject: (flow) => ({ pk: flow.id, key: flow.slug }),
      create: async (data) => {
        const flow = await this.flows.create(actor, parseOrThrow(flowWriteSchema, data));
        return { pk: flow.pk, key: flow.slug };
      },
      update: async (existing, data) => {
        const flow = await this.flows.update(actor, String(existing.key), parseOrThrow(flowPatchSchema, data));
        existing.key = flow.slug;
      },
      delete: (existing) => this.flows.delete(actor, String(existing.key)),
      schema: openApiSchema(flowWriteSchema),
      export: async () =>
        (await everyPage((page) => this.flows.list({}, page))).map(({ pk, slug, export_url: _url, ...attrs }) => ({
          id: `flow-${pk}`,
          identifiers: { slug },
          attrs,
        })),
    });
  }
}
