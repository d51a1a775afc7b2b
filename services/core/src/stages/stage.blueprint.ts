import { Injectable } from '@nestjs/common';
import { openApiSchema } from '@authmesh/http';
import { everyPage, serviceModel, type CoreBlueprintModel } from '../blueprints/service-model.js';
import { BLUEPRINT_ACTOR as actor } from '../blueprints/system-actor.js';
import { STAGE_TYPES } from './stage-types.js';
import type { StageType } from './stage-type.js';
import { StageRepository } from './stage.repository.js';
import { StageService, stageWriteSchema } from './stage.service.js';

/** One blueprint model per stage type (`authentik_stages_deny.denystage`, ...). */
@Injectable()
export class StageBlueprints {
  constructor(
    private readonly stages: StageService,
    private readonly rows: StageRepository,
  ) {}

  models(): CoreBlueprintModel[] {
    return STAGE_TYPES.map((type) => this.model(type));
  }

  private model(type: StageType): CoreBlueprintModel {
    return serviceModel({
      name: type.modelName,
      aliases: [type.alias],
      fields: { pk: 'id', name: 'name' },
      findOne: (where) => this.rows.findOneBy(where, type.type),
      toObject: (stage) => ({ pk: stage.id, key: stage.id }),
      create: async (data) => {
        const stage = await this.stages.create(actor, type, data);
        return { pk: stage.pk, key: stage.pk };
      },
      update: (existing, data) => this.stages.update(actor, type, String(existing.key), data),
      delete: (existing) => this.stages.delete(actor, type, String(existing.key)),
      schema: openApiSchema(stageWriteSchema(type)),
      export: async () =>
        (await everyPage((page) => this.stages.list(type, page))).map(
          ({ pk, name, component: _c, meta_model_name: _m, flow_set: _f, ...settings }) => ({
            id: `stage-${pk}`,
            identifiers: { name },
            attrs: settings,
          }),
        ),
    });
  }
}
