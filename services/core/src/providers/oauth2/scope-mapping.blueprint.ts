import { Injectable } from '@nestjs/common';
import { openApiSchema, parseOrThrow, patchSchemaOf } from '@authmesh/http';
import { everyPage, serviceModel, type CoreBlueprintModel } from '../../blueprints/service-model.js';
import { BLUEPRINT_ACTOR as actor } from '../../blueprints/system-actor.js';
import { scopeMappingBlueprintSchema } from './scope-mapping.dto.js';
import { ScopeMappingRepository } from './scope-mapping.repository.js';
import { ScopeMappingService } from './scope-mapping.service.js';

/** Scope mappings in blueprints; the built-in ones are found by `managed`, as the reference's system blueprint does. */
@Injectable()
export class ScopeMappingBlueprint {
  constructor(
    private readonly mappings: ScopeMappingService,
    private readonly rows: ScopeMappingRepository,
  ) {}

  model(): CoreBlueprintModel {
    return serviceModel({
      name: 'authmesh_providers_oauth2.scopemapping',
      aliases: ['authentik_providers_oauth2.scopemapping'],
      fields: { pk: 'id', managed: 'managed', name: 'name', scope_name: 'scopeName' },
      findOne: (where) => this.rows.findOneBy(where),
      toObject: (row) => ({ pk: row.propertyMappingId, key: row.propertyMappingId }),
      create: async (data) => {
        const mapping = await this.mappings.create(actor, parseOrThrow(scopeMappingBlueprintSchema, data));
        return { pk: mapping.pk, key: mapping.pk };
      },
      update: (existing, data) =>
        this.mappings.update(actor, String(existing.key), parseOrThrow(patchSchemaOf(scopeMappingBlueprintSchema), data)),
      delete: (existing) => this.mappings.delete(actor, String(existing.key)),
      schema: openApiSchema(scopeMappingBlueprintSchema),
      export: async () =>
        (await everyPage((page) => this.mappings.list({ managed__isnull: 'true' }, page))).map(
          ({ pk, name, expression, scope_name, description }) => ({
            id: `scopemapping-${pk}`,
            identifiers: { name },
            attrs: { expression, scope_name, description },
          }),
        ),
    });
  }
}
