import { Injectable } from '@nestjs/common';
import { openApiSchema, parseOrThrow } from '@authmesh/http';
import { everyPage, serviceModel, type CoreBlueprintModel } from '../blueprints/service-model.js';
import { BLUEPRINT_ACTOR as actor } from '../blueprints/system-actor.js';
import { promptPatchSchema, promptWriteSchema } from './prompt.dto.js';
import { PromptRepository } from './prompt.repository.js';
import { PromptService } from './prompt.service.js';

/** Prompts in blueprints (`authentik_stages_prompt.prompt`), found by name. */
@Injectable()
export class PromptBlueprint {
  constructor(
    private readonly prompts: PromptService,
    private readonly rows: PromptRepository,
  ) {}

  model(): CoreBlueprintModel {
    return serviceModel({
      name: 'authmesh_stages_prompt.prompt',
      aliases: ['authentik_stages_prompt.prompt'],
      fields: { pk: 'id', name: 'name', field_key: 'fieldKey' },
      findOne: (where) => this.rows.findOneBy(where),
      toObject: (prompt) => ({ pk: prompt.id, key: prompt.id }),
      create: async (data) => {
        const prompt = await this.prompts.create(actor, parseOrThrow(promptWriteSchema, data));
        return { pk: prompt.pk, key: prompt.pk };
      },
      update: (existing, data) => this.prompts.update(actor, String(existing.key), parseOrThrow(promptPatchSchema, data)),
      delete: (existing) => this.prompts.delete(actor, String(existing.key)),
      schema: openApiSchema(promptWriteSchema),
      export: async () =>
        (await everyPage((page) => this.prompts.list({}, page))).map(({ pk, name, promptstage_set: _s, ...attrs }) => ({
          id: `prompt-${pk}`,
          identifiers: { name },
          attrs,
        })),
    });
  }
}
