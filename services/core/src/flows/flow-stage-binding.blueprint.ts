import { Injectable } from '@nestjs/common';
import { openApiSchema, parseOrThrow } from '@authmesh/http';
import { everyPage, serviceModel, type CoreBlueprintModel } from '../blueprints/service-model.js';
import { BLUEPRINT_ACTOR as actor } from '../blueprints/system-actor.js';
import { bindingPatchSchema, bindingWriteSchema } from './flow-stage-binding.dto.js';
import { FlowStageBindingRepository } from './flow-stage-binding.repository.js';
import { FlowStageBindingService } from './flow-stage-binding.service.js';

/** Flow-stage bindings in blueprints, found by target, stage and order as the reference blueprints do. */
@Injectable()
export class FlowStageBindingBlueprint {
  constructor(
    private readonly bindings: FlowStageBindingService,
    private readonly rows: FlowStageBindingRepository,
  ) {}

  model(): CoreBlueprintModel {
    return serviceModel({
      name: 'authmesh_flows.flowstagebinding',
      aliases: ['authentik_flows.flowstagebinding'],
      fields: { pk: 'id', target: 'flowId', stage: 'stageId', order: 'order' },
      findOne: (where) => this.rows.findOneBy(where),
      toObject: (binding) => ({ pk: binding.id, key: binding.id }),
      create: async (data) => {
        const binding = await this.bindings.create(actor, parseOrThrow(bindingWriteSchema, data));
        return { pk: binding.pk, key: binding.pk };
      },
      update: (existing, data) => this.bindings.update(actor, String(existing.key), parseOrThrow(bindingPatchSchema, data)),
      delete: (existing) => this.bindings.delete(actor, String(existing.key)),
      schema: openApiSchema(bindingWriteSchema),
      export: async () =>
        (await everyPage((page) => this.bindings.list({}, page))).map(({ pk, target, stage, order, stage_obj: _s, ...attrs }) => ({
          id: `binding-${pk}`,
          identifiers: { target, stage, order },
          attrs,
        })),
    });
  }
}
