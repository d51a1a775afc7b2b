import { Inject, Injectable } from '@nestjs/common';
import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError } from '@authmesh/runtime';
import type { Actor } from '../../audit/actor.js';
import { EventPublisher, type ModelRef } from '../../audit/event-publisher.js';
import { assertExpressionCompiles } from '../../common/expression-check.js';
import { CORE_OPTIONS } from '../../core.tokens.js';
import type { CoreOptions } from '../../core.options.js';
import { rethrowUnique } from '../../database/transactions.js';
import { PropertyMappingEntity } from '../property-mapping.entity.js';
import type { ScopeMappingFilters, ScopeMappingPatch, ScopeMappingRead, ScopeMappingWrite } from './scope-mapping.dto.js';
import type { ScopeMappingEntity } from './scope-mapping.entity.js';
import { ScopeMappingRepository } from './scope-mapping.repository.js';

/** Scope mappings: a scope name and the JavaScript expression that answers its claims. */
@Injectable()
export class ScopeMappingService {
  constructor(
    private readonly mappings: ScopeMappingRepository,
    private readonly events: EventPublisher,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async list(filters: ScopeMappingFilters, query: ListQuery): Promise<Paginated<ScopeMappingRead>> {
    const [rows, count] = await this.mappings.list(filters, query);
    return paginate(rows.map(serializeScopeMapping), count, query);
  }

  async get(id: string): Promise<ScopeMappingRead> {
    return serializeScopeMapping(await this.require(id));
  }

  /** `managed` is only set by blueprints (the API schema has no such field). */
  async create(actor: Actor, input: ScopeMappingWrite & { managed?: string | null }): Promise<ScopeMappingRead> {
    assertExpressionCompiles(this.options.expressions, 'expression', input.expression);
    const mapping = Object.assign(new PropertyMappingEntity(), {
      name: input.name,
      type: 'scope',
      expression: input.expression,
      managed: input.managed ?? null,
    });
    const id = await this.mappings.save(mapping, { scopeName: input.scope_name, description: input.description }).catch(rethrowUnique);
    const saved = await this.require(id);
    await this.events.modelCreated(actor, ref(saved));
    return serializeScopeMapping(saved);
  }

  async update(actor: Actor, id: string, input: ScopeMappingPatch & { managed?: string | null }): Promise<ScopeMappingRead> {
    const existing = await this.require(id);
    if (input.expression !== undefined) assertExpressionCompiles(this.options.expressions, 'expression', input.expression);
    const mapping = existing.mapping;
    if (input.name !== undefined) mapping.name = input.name;
    if (input.expression !== undefined) mapping.expression = input.expression;
    if (input.managed !== undefined) mapping.managed = input.managed;
    await this.mappings
      .save(mapping, { scopeName: input.scope_name ?? existing.scopeName, description: input.description ?? existing.description })
      .catch(rethrowUnique);
    const saved = await this.require(id);
    await this.events.modelUpdated(actor, ref(saved));
    return serializeScopeMapping(saved);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const existing = await this.require(id);
    await this.mappings.delete(id);
    await this.events.modelDeleted(actor, ref(existing));
  }

  private async require(id: string): Promise<ScopeMappingEntity> {
    const mapping = await this.mappings.findById(id);
    if (!mapping) throw new NotFoundError();
    return mapping;
  }
}

export function serializeScopeMapping(s: ScopeMappingEntity): ScopeMappingRead {
  return {
    pk: s.propertyMappingId,
    managed: s.mapping.managed,
    name: s.mapping.name,
    expression: s.mapping.expression,
    component: 'ak-property-mapping-scope-form',
    verbose_name: 'Scope Mapping',
    verbose_name_plural: 'Scope Mappings',
    meta_model_name: 'authentik_providers_oauth2.scopemapping',
    scope_name: s.scopeName,
    description: s.description,
  };
}

function ref(s: ScopeMappingEntity): ModelRef {
  return { app: 'authentik_providers_oauth2', model_name: 'scopemapping', pk: s.propertyMappingId, name: s.mapping.name };
}
