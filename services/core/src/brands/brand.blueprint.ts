import { Injectable } from '@nestjs/common';
import { openApiSchema, parseOrThrow } from '@authmesh/http';
import { everyPage, serviceModel, type CoreBlueprintModel } from '../blueprints/service-model.js';
import { BLUEPRINT_ACTOR as actor } from '../blueprints/system-actor.js';
import { brandPatchSchema, brandWriteSchema } from './brand.dto.js';
import { BrandRepository } from './brand.repository.js';
import { BrandService } from './brand.service.js';

/** Brands in blueprints, also under the reference product's 2023.10 name, tenants. */
@Injectable()
export class BrandBlueprint {
  constructor(
    private readonly brands: BrandService,
    private readonly rows: BrandRepository,
  ) {}

  model(): CoreBlueprintModel {
    return serviceModel({
      name: 'authmesh_brands.brand',
      aliases: ['authentik_tenants.tenant', 'authentik_brands.brand'],
      fields: { pk: 'id', brand_uuid: 'id', tenant_uuid: 'id', domain: 'domain', default: 'isDefault', branding_title: 'brandingTitle' },
      findOne: (where) => this.rows.findOneBy(where),
      toObject: (brand) => ({ pk: brand.id, key: brand.id }),
      create: async (data) => {
        const brand = await this.brands.create(actor, parseOrThrow(brandWriteSchema, data));
        return { pk: brand.brand_uuid, key: brand.brand_uuid };
      },
      update: (existing, data) => this.brands.update(actor, String(existing.key), parseOrThrow(brandPatchSchema, data)),
      delete: (existing) => this.brands.delete(actor, String(existing.key)),
      schema: openApiSchema(brandWriteSchema),
      export: async () =>
        (await everyPage((page) => this.brands.list({}, page))).map(({ brand_uuid, domain, ...attrs }) => ({
          id: `brand-${brand_uuid}`,
          identifiers: { domain },
          attrs,
        })),
    });
  }
}
