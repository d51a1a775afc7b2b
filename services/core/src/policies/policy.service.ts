import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { paginate, parseOrThrow, patchSchemaOf, type ListQuery, type Paginated } from '@authmesh/http';
import { GrpcStatus, RpcCallError } from '@authmesh/rpc';
import { NotFoundError, UnavailableError, ValidationFailedError } from '@authmesh/runtime';
import type { Actor } from '../audit/actor.js';
import { EventPublisher, type ModelRef } from '../audit/event-publisher.js';
import { assertExpressionCompiles } from '../common/expression-check.js';
import { mergeSettings, publicSettings, runtimeSettings } from '../common/typed-settings.js';
import { CORE_OPTIONS } from '../core.tokens.js';
import type { CoreOptions } from '../core.options.js';
import { rethrowUnique } from '../database/transactions.js';
import { PolicyEntity } from './policy.entity.js';
import { PolicyRepository } from './policy.repository.js';
import { policyType } from './policy-types.js';
import type { PolicyType } from './policy-type.js';

const nameSchema = z.string().trim().min(1, 'This field may not be blank.').max(255);

/** The create schema of a policy type: the common fields and its own settings. */
export function policyWriteSchema(type: PolicyType) {
  return z.object({ name: nameSchema, execution_logging: z.boolean().default(false) }).extend(type.settings.shape);
}

/** The PATCH schema of a policy type. */
export function policyPatchSchema(type: PolicyType) {
  return patchSchemaOf(policyWriteSchema(type));
}

/** The body of the policy test action. */
export const policyTestSchema = z.object({
  user: z.number().int().positive().optional(),
  context: z.record(z.string(), z.unknown()).default({}),
});

export type PolicyRead = {
  pk: string;
  name: string;
  execution_logging: boolean;
  component: string;
  verbose_name: string;
  meta_model_name: string;
  bound_to: number;
} & Record<string, unknown>;

export type PolicyListQuery = ListQuery & { name?: string; unbound?: boolean };

/** Policies of every type: one service, validated by each type's schema. */
@Injectable()
export class PolicyService {
  constructor(
    private readonly policies: PolicyRepository,
    private readonly events: EventPublisher,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async list(type: PolicyType | undefined, query: PolicyListQuery): Promise<Paginated<PolicyRead>> {
    const [rows, count] = await this.policies.list(type?.type, query);
    const bound = await this.policies.bindingCounts(rows.map((r) => r.id));
    return paginate(
      rows.map((r) => serializePolicy(r, bound.get(r.id) ?? 0)),
      count,
      query,
    );
  }

  async get(type: PolicyType | undefined, id: string): Promise<PolicyRead> {
    const policy = await this.require(id, type);
    return serializePolicy(policy, (await this.policies.bindingCounts([id])).get(id) ?? 0);
  }

  async create(actor: Actor, type: PolicyType, input: unknown): Promise<PolicyRead> {
    const { name, execution_logging, ...settings } = parseOrThrow(policyWriteSchema(type), input);
    const config = mergeSettings(type, {}, settings, this.options.secretBox);
    this.checkExpressions(type, config);
    const policy = Object.assign(new PolicyEntity(), { name, type: type.type, executionLogging: execution_logging, config });
    const saved = await this.policies.save(policy).catch(rethrowUnique);
    await this.events.modelCreated(actor, ref(saved, type));
    return serializePolicy(saved, 0);
  }

  async update(actor: Actor, type: PolicyType, id: string, input: unknown): Promise<PolicyRead> {
    const policy = await this.require(id, type);
    const { name, execution_logging, ...settings } = parseOrThrow(policyPatchSchema(type), input) as Record<string, unknown>;
    if (typeof name === 'string') policy.name = name;
    if (typeof execution_logging === 'boolean') policy.executionLogging = execution_logging;
    policy.config = mergeSettings(type, policy.config, settings, this.options.secretBox);
    this.checkExpressions(type, policy.config);
    const saved = await this.policies.save(policy).catch(rethrowUnique);
    await this.events.modelUpdated(actor, ref(saved, type));
    return this.get(type, saved.id);
  }

  async delete(actor: Actor, type: PolicyType | undefined, id: string): Promise<void> {
    const policy = await this.require(id, type);
    await this.policies.delete(id);
    await this.events.modelDeleted(actor, ref(policy, policyType(policy.type)));
  }

  /**
   * Evaluates a policy for a user and context on the flow executor, as the "test" action
   * does (superusers only, like changing it). Nothing is recorded.
   */
  async test(id: string, input: unknown): Promise<{ passing: boolean; messages: string[]; log_messages: string[] }> {
    const policy = await this.require(id);
    const { user, context } = parseOrThrow(policyTestSchema, input);
    const client = this.options.flows;
    if (!client) throw new UnavailableError('The flow executor is not reachable from here.');
    try {
      const answer = await client.testPolicy({
        type: policy.type,
        settings_json: JSON.stringify(this.runtimeSettings(policy)),
        user_pk: user === undefined ? '' : String(user),
        context_json: JSON.stringify(context),
      });
      return { passing: answer.passing, messages: answer.messages, log_messages: answer.error ? [answer.error] : [] };
    } catch (error) {
      if (error instanceof RpcCallError && error.status === GrpcStatus.NOT_FOUND)
        throw ValidationFailedError.field('user', 'No such user.');
      if (error instanceof RpcCallError && error.status === GrpcStatus.INVALID_ARGUMENT)
        throw ValidationFailedError.field('context', error.details);
      if (error instanceof RpcCallError) throw new UnavailableError('The flow executor did not answer.');
      throw error;
    }
  }

  private checkExpressions(type: PolicyType, config: Record<string, unknown>): void {
    if (type.type === 'expression') assertExpressionCompiles(this.options.expressions, 'expression', String(config.expression ?? ''));
  }

  /** A policy's settings for the policy engine, secrets opened. */
  runtimeSettings(policy: PolicyEntity): Record<string, unknown> {
    const type = policyType(policy.type);
    return type ? runtimeSettings(type, policy.config, this.options.secretBox) : {};
  }

  private async require(id: string, type?: PolicyType): Promise<PolicyEntity> {
    const policy = await this.policies.findById(id, type?.type);
    if (!policy) throw new NotFoundError();
    return policy;
  }
}

/** A policy in the API: common fields first, then the type's own settings (defaults filled in). */
export function serializePolicy(policy: PolicyEntity, boundTo: number): PolicyRead {
  const type = policyType(policy.type);
  const settings = type ? publicSettings(type, policy.config) : policy.config;
  return {
    ...settings,
    pk: policy.id,
    name: policy.name,
    execution_logging: policy.executionLogging,
    component: `ak-policy-${policy.type.replaceAll('_', '-')}-form`,
    verbose_name: type?.verboseName ?? policy.type,
    meta_model_name: type?.alias ?? policy.type,
    bound_to: boundTo,
  };
}

function ref(policy: PolicyEntity, type: PolicyType | undefined): ModelRef {
  const [app, model] = (type?.alias ?? `authentik_policies.${policy.type}`).split('.');
  return { app, model_name: model, pk: policy.id, name: policy.name };
}
