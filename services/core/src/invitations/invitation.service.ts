import { Injectable } from '@nestjs/common';
import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError, ValidationFailedError } from '@authmesh/runtime';
import type { Actor } from '../audit/actor.js';
import { EventPublisher, type ModelRef } from '../audit/event-publisher.js';
import { rethrowUnique } from '../database/transactions.js';
import { InvitationEntity } from './invitation.entity.js';
import type { InvitationFilters, InvitationPatch, InvitationRead, InvitationWrite } from './invitation.dto.js';
import { InvitationRepository } from './invitation.repository.js';

/** Invitations: links that let someone enroll, optionally once, until a date, in one flow. */
@Injectable()
export class InvitationService {
  constructor(
    private readonly invitations: InvitationRepository,
    private readonly events: EventPublisher,
  ) {}

  async list(filters: InvitationFilters, query: ListQuery): Promise<Paginated<InvitationRead>> {
    const [rows, count] = await this.invitations.list(filters, query);
    return paginate(await Promise.all(rows.map((r) => this.serialize(r))), count, query);
  }

  async get(id: string): Promise<InvitationRead> {
    return this.serialize(await this.require(id));
  }

  async create(actor: Actor, input: InvitationWrite): Promise<InvitationRead> {
    const invitation = new InvitationEntity();
    // The creator is whoever made it; it cannot be set or changed through the API.
    invitation.createdBy = actor.principal ? Number(actor.principal.user.pk) || null : null;
    return this.write(actor, invitation, input, 'created');
  }

  async update(actor: Actor, id: string, input: InvitationPatch): Promise<InvitationRead> {
    return this.write(actor, await this.require(id), input, 'updated');
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const invitation = await this.require(id);
    await this.invitations.delete(id);
    await this.events.modelDeleted(actor, ref(invitation));
  }

  /** Checks and consumes an invitation for a flow; null when it cannot be used there (any reason). */
  use(id: string, flowId: string): Promise<InvitationEntity | null> {
    return this.invitations.use(id, flowId);
  }

  private async write(
    actor: Actor,
    invitation: InvitationEntity,
    input: InvitationPatch,
    change: 'created' | 'updated',
  ): Promise<InvitationRead> {
    if (input.flow && !(await this.invitations.flowExists(input.flow))) {
      throw ValidationFailedError.field('flow', `Invalid pk "${input.flow}" - object does not exist.`);
    }
    if (input.name !== undefined) invitation.name = input.name;
    if (input.expires !== undefined) invitation.expires = input.expires ? new Date(input.expires) : null;
    if (input.fixed_data !== undefined) invitation.fixedData = input.fixed_data;
    if (input.single_use !== undefined) invitation.singleUse = input.single_use;
    if (input.flow !== undefined) invitation.flowId = input.flow;
    const saved = await this.invitations.save(invitation).catch(rethrowUnique);
    await (change === 'created' ? this.events.modelCreated(actor, ref(saved)) : this.events.modelUpdated(actor, ref(saved)));
    return this.serialize(saved);
  }

  private async serialize(i: InvitationEntity): Promise<InvitationRead> {
    const names = await this.invitations.names(i);
    return {
      pk: i.id,
      name: i.name,
      expires: i.expires?.toISOString() ?? null,
      fixed_data: i.fixedData,
      created_by: i.createdBy && names.user ? { pk: i.createdBy, username: names.user } : null,
      single_use: i.singleUse,
      flow: i.flowId,
      flow_obj: i.flowId && names.flow ? { pk: i.flowId, ...names.flow } : null,
    };
  }

  private async require(id: string): Promise<InvitationEntity> {
    const invitation = await this.invitations.findOneBy({ id });
    if (!invitation) throw new NotFoundError();
    return invitation;
  }
}

function ref(i: InvitationEntity): ModelRef {
  return { app: 'authentik_stages_invitation', model_name: 'invitation', pk: i.id, name: i.name };
}
