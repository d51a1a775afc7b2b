import { Injectable } from '@nestjs/common';
import { openApiSchema, parseOrThrow } from '@authmesh/http';
import { everyPage, serviceModel, type CoreBlueprintModel } from '../blueprints/service-model.js';
import { BLUEPRINT_ACTOR as actor } from '../blueprints/system-actor.js';
import { invitationPatchSchema, invitationWriteSchema } from './invitation.dto.js';
import { InvitationRepository } from './invitation.repository.js';
import { InvitationService } from './invitation.service.js';

/** Invitations in blueprints (`authentik_stages_invitation.invitation`), found by name. */
@Injectable()
export class InvitationBlueprint {
  constructor(
    private readonly invitations: InvitationService,
    private readonly rows: InvitationRepository,
  ) {}

  model(): CoreBlueprintModel {
    return serviceModel({
      name: 'authmesh_stages_invitation.invitation',
      aliases: ['authentik_stages_invitation.invitation'],
      fields: { pk: 'id', name: 'name' },
      findOne: (where) => this.rows.findOneBy(where),
      toObject: (invitation) => ({ pk: invitation.id, key: invitation.id }),
      create: async (data) => {
        const invitation = await this.invitations.create(actor, parseOrThrow(invitationWriteSchema, data));
        return { pk: invitation.pk, key: invitation.pk };
      },
      update: (existing, data) => this.invitations.update(actor, String(existing.key), parseOrThrow(invitationPatchSchema, data)),
      delete: (existing) => this.invitations.delete(actor, String(existing.key)),
      schema: openApiSchema(invitationWriteSchema),
      export: async () =>
        (await everyPage((page) => this.invitations.list({}, page))).map(({ pk, name, created_by: _c, flow_obj: _f, ...attrs }) => ({
          id: `invitation-${pk}`,
          identifiers: { name },
          attrs,
        })),
    });
  }
}
