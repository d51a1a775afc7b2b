import { Injectable } from '@nestjs/common';
import { openApiSchema, parseOrThrow } from '@authmesh/http';
import { everyPage, serviceModel, type CoreBlueprintModel } from '../../blueprints/service-model.js';
import { BLUEPRINT_ACTOR as actor } from '../../blueprints/system-actor.js';
import { oauth2ProviderPatchSchema, oauth2ProviderWriteSchema } from './oauth2-provider.dto.js';
import { OAuth2ProviderRepository } from './oauth2-provider.repository.js';
import { OAuth2ProviderService } from './oauth2-provider.service.js';

/** OAuth2 providers in blueprints, found by name, pk or client_id. Client secrets are never exported. */
@Injectable()
export class OAuth2ProviderBlueprint {
  constructor(
    private readonly providers: OAuth2ProviderService,
    private readonly rows: OAuth2ProviderRepository,
  ) {}

  model(): CoreBlueprintModel {
    return serviceModel({
      name: 'authmesh_providers_oauth2.oauth2provider',
      aliases: ['authentik_providers_oauth2.oauth2provider'],
      fields: { pk: 'id', name: 'name', client_id: 'clientId' },
      findOne: (where) => this.rows.findOneBy(where),
      toObject: (row) => ({ pk: row.providerId, key: row.providerId }),
      create: async (data) => {
        const provider = await this.providers.create(actor, parseOrThrow(oauth2ProviderWriteSchema, data));
        return { pk: provider.pk, key: provider.pk };
      },
      update: (existing, data) => this.providers.update(actor, Number(existing.key), parseOrThrow(oauth2ProviderPatchSchema, data)),
      delete: (existing) => this.providers.delete(actor, Number(existing.key)),
      schema: openApiSchema(oauth2ProviderWriteSchema),
      export: async () =>
        (await everyPage((page) => this.providers.list({}, page))).map(
          ({
            pk,
            name,
            component: _component,
            meta_model_name: _model,
            verbose_name: _verbose,
            verbose_name_plural: _plural,
            assigned_application_slug: _slug,
            assigned_application_name: _app,
            client_secret_set: _set,
            ...attrs
          }) => ({ id: `oauth2provider-${pk}`, identifiers: { name }, attrs }),
        ),
    });
  }
}
