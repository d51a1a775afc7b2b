import { Injectable } from '@nestjs/common';
import { openApiSchema, parseOrThrow } from '@authmesh/http';
import { everyPage, serviceModel, type CoreBlueprintModel } from '../../blueprints/service-model.js';
import { BLUEPRINT_ACTOR as actor } from '../../blueprints/system-actor.js';
import { oauthSourcePatchSchema, oauthSourceWriteSchema } from './oauth-source.dto.js';
import { OAuthSourceRepository } from './oauth-source.repository.js';
import { OAuthSourceService } from './oauth-source.service.js';

/** OAuth sources in blueprints, found by pk, slug or name. Consumer secrets are never exported. */
@Injectable()
export class OAuthSourceBlueprint {
  constructor(
    private readonly sources: OAuthSourceService,
    private readonly rows: OAuthSourceRepository,
  ) {}

  model(): CoreBlueprintModel {
    return serviceModel({
      name: 'authmesh_sources_oauth.oauthsource',
      aliases: ['authentik_sources_oauth.oauthsource'],
      fields: { pk: 'id', pbm_uuid: 'id', slug: 'slug', name: 'name' },
      findOne: (where) => this.rows.findOneBy(where),
      toObject: (row) => ({ pk: row.sourceId, key: row.source.slug }),
      create: async (data) => {
        const source = await this.sources.create(actor, parseOrThrow(oauthSourceWriteSchema, data));
        return { pk: source.pk, key: source.slug };
      },
      update: (existing, data) => this.sources.update(actor, String(existing.key), parseOrThrow(oauthSourcePatchSchema, data)),
      delete: (existing) => this.sources.delete(actor, String(existing.key)),
      schema: openApiSchema(oauthSourceWriteSchema),
      export: async () =>
        (await everyPage((page) => this.sources.list({}, page))).map(
          ({
            pk: _pk,
            slug,
            component: _component,
            meta_model_name: _model,
            verbose_name: _verbose,
            verbose_name_plural: _plural,
            managed: _managed,
            consumer_secret_set: _set,
            callback_url: _callback,
            type: _type,
            ...attrs
          }) => ({ id: `oauthsource-${slug}`, identifiers: { slug }, attrs: { slug, ...attrs } }),
        ),
    });
  }
}
