import { Injectable } from '@nestjs/common';
import { openApiSchema } from '@authmesh/http';
import { everyPage, serviceModel, type CoreBlueprintModel } from '../blueprints/service-model.js';
import { BLUEPRINT_ACTOR as actor } from '../blueprints/system-actor.js';
import { POLICY_TYPES } from './policy-types.js';
import type { PolicyType } from './policy-type.js';
import { PolicyRepository } from './policy.repository.js';
import { PolicyService, policyWriteSchema } from './policy.service.js';

/** One blueprint model per policy type (`authentik_policies_expression.expressionpolicy`, ...). */
@Injectable()
export class PolicyBlueprints {
  constructor(
    private readonly policies: PolicyService,
    private readonly rows: PolicyRepository,
  ) {}

  models(): CoreBlueprintModel[] {
    return POLICY_TYPES.map((type) => this.model(type));
  }

  private model(type: PolicyType): CoreBlueprintModel {
    return serviceModel({
      name: type.modelName,
      aliases: [type.alias],
      fields: { pk: 'id', name: 'name' },
      findOne: (where) => this.rows.findOneBy(where, type.type),
      toObject: (policy) => ({ pk: policy.id, key: policy.id }),
      create: async (data) => {
        const policy = await this.policies.create(actor, type, data);
        return { pk: policy.pk, key: policy.pk };
      },
      update: (existing, data) => this.policies.update(actor, type, String(existing.key), data),
      delete: (existing) => this.policies.delete(actor, type, String(existing.key)),
      schema: openApiSchema(policyWriteSchema(type)),
      export: async () =>
        (await everyPage((page) => this.policies.list(type, page))).map(
          ({ pk, name, component: _c, verbose_name: _v, meta_model_name: _m, bound_to: _b, ...settings }) => ({
            id: `policy-${pk}`,
            identifiers: { name },
            attrs: settings,
          }),
        ),
    });
  }
}
