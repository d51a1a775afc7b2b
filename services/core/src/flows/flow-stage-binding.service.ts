import { Injectable } from '@nestjs/common';
import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError, ValidationFailedError } from '@authmesh/runtime';
import type { Actor } from '../audit/actor.js';
import { EventPublisher, type ModelRef } from '../audit/event-publisher.js';
import { rethrowUnique } from '../database/transactions.js';
import { StageRepository } from '../stages/stage.repository.js';
import { serializeStage } from '../stages/stage.service.js';
import { FlowStageBindingEntity } from './flow-stage-binding.entity.js';
import type { BindingPatch, BindingRead, BindingWrite } from './flow-stage-binding.dto.js';
import { FlowStageBindingRepository } from './flow-stage-binding.repository.js';

/** Which stages a flow runs, in which order, and how each binding behaves. */
@Injectable()
export class FlowStageBindingService {
  constructor(
    private readonly bindings: FlowStageBindingRepository,
    private readonly stages: StageRepository,
    private readonly events: EventPublisher,
  ) {}

  async list(filters: { target?: string; stage?: string }, query: ListQuery): Promise<Paginated<BindingRead>> {
    const [rows, count] = await this.bindings.list(filters, query);
    return paginate(await Promise.all(rows.map((r) => this.serialize(r))), count, query);
  }

  async get(id: string): Promise<BindingRead> {
    return this.serialize(await this.require(id));
  }

  async create(actor: Actor, input: BindingWrite): Promise<BindingRead> {
    return this.write(actor, new FlowStageBindingEntity(), input, 'created');
  }

  async update(actor: Actor, id: string, input: BindingPatch): Promise<BindingRead> {
    return this.write(actor, await this.require(id), input, 'updated');
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const binding = await this.require(id);
    await this.bindings.delete(id);
    await this.events.modelDeleted(actor, ref(binding));
  }

  private async write(
    actor: Actor,
    binding: FlowStageBindingEntity,
    input: BindingPatch,
    change: 'created' | 'updated',
  ): Promise<BindingRead> {
    if (input.target !== undefined && !(await this.bindings.exists('flows', input.target))) {
      throw ValidationFailedError.field('target', `Invalid pk "${input.target}" - object does not exist.`);
    }
    if (input.stage !== undefined && !(await this.bindings.exists('stages', input.stage))) {
      throw ValidationFailedError.field('stage', `Invalid pk "${input.stage}" - object does not exist.`);
    }
    if (input.target !== undefined) binding.flowId = input.target;
    if (input.stage !== undefined) binding.stageId = input.stage;
    if (input.order !== undefined) binding.order = input.order;
    if (input.evaluate_on_plan !== undefined) binding.evaluateOnPlan = input.evaluate_on_plan;
    if (input.re_evaluate_policies !== undefined) binding.reEvaluatePolicies = input.re_evaluate_policies;
    if (input.policy_engine_mode !== undefined) binding.policyEngineMode = input.policy_engine_mode;
    if (input.invalid_response_action !== undefined) binding.invalidResponseAction = input.invalid_response_action;
    const saved = await this.bindings.save(binding).catch(rethrowUnique);
    await (change === 'created' ? this.events.modelCreated(actor, ref(saved)) : this.events.modelUpdated(actor, ref(saved)));
    return this.serialize(saved);
  }

  private async serialize(b: FlowStageBindingEntity): Promise<BindingRead> {
    const stage = await this.stages.findById(b.stageId);
    const stageRead = stage ? serializeStage(stage, []) : null;
    return {
      pk: b.id,
      target: b.flowId,
      stage: b.stageId,
      stage_obj: { pk: b.stageId, name: stageRead?.name ?? '', component: stageRead?.component ?? '' },
      order: b.order,
      evaluate_on_plan: b.evaluateOnPlan,
      re_evaluate_policies: b.reEvaluatePolicies,
      policy_engine_mode: b.policyEngineMode,
      invalid_response_action: b.invalidResponseAction,
    };
  }

  private async require(id: string): Promise<FlowStageBindingEntity> {
    const binding = await this.bindings.findOneBy({ id });
    if (!binding) throw new NotFoundError();
    return binding;
  }
}

function ref(b: FlowStageBindingEntity): ModelRef {
  return { app: 'authentik_flows', model_name: 'flowstagebinding', pk: b.id, name: `${b.flowId}#${b.order}` };
}
