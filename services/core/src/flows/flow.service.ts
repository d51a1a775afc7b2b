import { Injectable } from '@nestjs/common';
import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError } from '@authmesh/runtime';
import type { Actor } from '../audit/actor.js';
import { EventPublisher, type ModelRef } from '../audit/event-publisher.js';
import { rethrowUnique } from '../database/transactions.js';
import { FlowEntity } from './flow.entity.js';
import type { FlowFilters, FlowPatch, FlowRead, FlowWrite } from './flow.dto.js';
import { FlowRepository } from './flow.repository.js';

/**
 * Flows as configuration: what each flow is for and how it looks. Stages, bindings and
 * the executor arrive with the flows issue; the flows service runs them.
 */
@Injectable()
export class FlowService {
  constructor(
    private readonly flows: FlowRepository,
    private readonly events: EventPublisher,
  ) {}

  async list(filters: FlowFilters, query: ListQuery): Promise<Paginated<FlowRead>> {
    const [rows, count] = await this.flows.list(filters, query);
    return paginate(rows.map(serializeFlow), count, query);
  }

  async get(slug: string): Promise<FlowRead> {
    return serializeFlow(await this.require(slug));
  }

  async create(actor: Actor, input: FlowWrite): Promise<FlowRead> {
    return this.write(actor, new FlowEntity(), input, 'created');
  }

  async update(actor: Actor, slug: string, input: FlowPatch): Promise<FlowRead> {
    return this.write(actor, await this.require(slug), input, 'updated');
  }

  /** Deleting a flow leaves brands and providers that named it without one. */
  async delete(actor: Actor, slug: string): Promise<void> {
    const flow = await this.require(slug);
    await this.flows.delete(flow.id);
    await this.events.modelDeleted(actor, ref(flow));
  }

  private async write(actor: Actor, flow: FlowEntity, input: FlowPatch, change: 'created' | 'updated'): Promise<FlowRead> {
    if (input.name !== undefined) flow.name = input.name;
    if (input.slug !== undefined) flow.slug = input.slug;
    if (input.title !== undefined) flow.title = input.title;
    if (input.designation !== undefined) flow.designation = input.designation;
    if (input.background !== undefined) flow.background = input.background;
    if (input.policy_engine_mode !== undefined) flow.policyEngineMode = input.policy_engine_mode;
    if (input.compatibility_mode !== undefined) flow.compatibilityMode = input.compatibility_mode;
    if (input.layout !== undefined) flow.layout = input.layout;
    if (input.denied_action !== undefined) flow.deniedAction = input.denied_action;
    if (input.authentication !== undefined) flow.authentication = input.authentication;
    const saved = await this.flows.save(flow).catch(rethrowUnique);
    await (change === 'created' ? this.events.modelCreated(actor, ref(saved)) : this.events.modelUpdated(actor, ref(saved)));
    return serializeFlow(saved);
  }

  private async require(slug: string): Promise<FlowEntity> {
    const flow = await this.flows.findBySlug(slug);
    if (!flow) throw new NotFoundError();
    return flow;
  }
}

export function serializeFlow(f: FlowEntity): FlowRead {
  return {
    pk: f.id,
    name: f.name,
    slug: f.slug,
    title: f.title,
    designation: f.designation,
    background: f.background,
    policy_engine_mode: f.policyEngineMode,
    compatibility_mode: f.compatibilityMode,
    layout: f.layout,
    denied_action: f.deniedAction,
    authentication: f.authentication,
    export_url: `/api/v3/flows/instances/${f.slug}/export/`,
  };
}

function ref(flow: FlowEntity): ModelRef {
  return { app: 'authentik_flows', model_name: 'flow', pk: flow.id, name: flow.slug };
}
