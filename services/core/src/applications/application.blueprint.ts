import { Injectable } from '@nestjs/common';
import { openApiSchema, parseOrThrow } from '@authmesh/http';
import { everyPage, serviceModel, type CoreBlueprintModel } from '../blueprints/service-model.js';
import { BLUEPRINT_ACTOR as actor } from '../blueprints/system-actor.js';
import { applicationPatchSchema, applicationWriteSchema } from './application.dto.js';
import { ApplicationRepository } from './application.repository.js';
import { ApplicationService } from './application.service.js';

/** Applications in blueprints, found by slug. */
@Injectable()
export class ApplicationBlueprint {
  constructor(
    private readonly applications: ApplicationService,
    private readonly rows: ApplicationRepository,
  ) {}

  model(): CoreBlueprintModel {
    return serviceModel({
      name: 'authmesh_core.application',
      aliases: ['authentik_core.application'],
      fields: { pk: 'id', slug: 'slug', name: 'name', group: 'group' },
      findOne: (where) => this.rows.findOneBy(where),
      toObject: (app) => ({ pk: app.id, key: app.slug }),
      create: async (data) => {
        const app = await this.applications.create(actor, parseOrThrow(applicationWriteSchema, data));
        return { pk: app.pk, key: app.slug };
      },
      update: (existing, data) => this.applications.update(actor, String(existing.key), parseOrThrow(applicationPatchSchema, data)),
      delete: (existing) => this.applications.delete(actor, String(existing.key)),
      schema: openApiSchema(applicationWriteSchema),
      export: async () =>
        (await everyPage((page) => this.applications.list(actor, {}, {}, page))).map(
          ({ pk, slug, provider_obj: _obj, launch_url: _url, ...attrs }) => ({
            id: `application-${pk}`,
            identifiers: { slug },
            attrs,
          }),
        ),
    });
  }
}
