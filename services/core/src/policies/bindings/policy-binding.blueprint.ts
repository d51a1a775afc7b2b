import { Injectable } from '@nestjs/common';
import { openApiSchema, parseOrThrow } from '@authmesh/http';
import { everyPage, serviceModel, type CoreBlueprintModel } from '../../blueprints/service-model.js';
import { BLUEPRINT_ACTOR as actor } from '../../blueprints/system-actor.js';
import { policyBindingPatchSchema, policyBindingWriteSchema } from './policy-binding.dto.js';
import { PolicyBindingRepository } from './policy-binding.repository.js';
import { PolicyBindingService } from './policy-binding.service.js';

/** Policy bindings in blueprints, found by target, order and subject as the reference blueprints do. */
@Injectable()
export class PolicyBindingBlueprint {
  constructor(
    private readonly bindings: PolicyBindingService,
    private readonly rows: PolicyBindingRepository,
  ) {}

  model(): CoreBlueprintModel {
    return serviceModel({
      name: 'authmesh_policies.policybinding',
      aliases: ['authentik_policies.policybinding'],
      fields: { pk: 'id', target: 'target', order: 'order', policy: 'policy', group: 'group', user: 'user' },
      findOne: (where) => this.rows.findByTarget(where),
      toObject: (binding) => ({ pk: binding.id, key: binding.id }),
      create: async (data) => {
        const binding = await this.bindings.create(actor, parseOrThrow(policyBindingWriteSchema, data));
        return { pk: binding.pk, key: binding.pk };
      },
      update: (existing, data) => this.bindings.update(actor, String(existing.key), parseOrThrow(policyBindingPatchSchema, data)),
      delete: (existing) => this.bindings.delete(actor, String(existing.key)),
      schema: openApiSchema(policyBindingWriteSchema),
      export: async () =>
        (await everyPage((page) => this.bindings.list({}, page))).map(
          ({ pk, target, order, policy_obj: _p, group_obj: _g, user_obj: _u, ...attrs }) => ({
            id: `policy-binding-${pk}`,
            identifiers: { target, order },
            attrs,
          }),
        ),
    });
  }
}
