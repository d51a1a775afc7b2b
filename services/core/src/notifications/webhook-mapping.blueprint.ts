import { Injectable } from '@nestjs/common';
import { openApiSchema, parseOrThrow } from '@authmesh/http';
import { everyPage, serviceModel, type CoreBlueprintModel } from '../blueprints/service-model.js';
import { BLUEPRINT_ACTOR as actor } from '../blueprints/system-actor.js';
import { webhookMappingPatchSchema, webhookMappingWriteSchema } from './webhook-mapping.dto.js';
import { WebhookMappingRepository } from './webhook-mapping.repository.js';
import { WebhookMappingService } from './webhook-mapping.service.js';

/** Webhook mappings in blueprints, under the reference product's model name. */
@Injectable()
export class WebhookMappingBlueprint {
  constructor(
    private readonly mappings: WebhookMappingService,
    private readonly rows: WebhookMappingRepository,
  ) {}

  model(): CoreBlueprintModel {
    return serviceModel({
      name: 'authmesh_events.notificationwebhookmapping',
      aliases: ['authentik_events.notificationwebhookmapping'],
      fields: { pk: 'id', managed: 'managed', name: 'name' },
      findOne: (where) => this.rows.findOneBy(where),
      toObject: (row) => ({ pk: row.id, key: row.id }),
      create: async (data) => {
        const mapping = await this.mappings.create(actor, parseOrThrow(webhookMappingWriteSchema, data));
        return { pk: mapping.pk, key: mapping.pk };
      },
      update: (existing, data) => this.mappings.update(actor, String(existing.key), parseOrThrow(webhookMappingPatchSchema, data)),
      delete: (existing) => this.mappings.delete(actor, String(existing.key)),
      schema: openApiSchema(webhookMappingWriteSchema),
      export: async () =>
        (await everyPage((page) => this.mappings.list({}, page))).map(({ pk, name, expression }) => ({
          id: `webhookmapping-${pk}`,
          identifiers: { name },
          attrs: { expression },
        })),
    });
  }
}
