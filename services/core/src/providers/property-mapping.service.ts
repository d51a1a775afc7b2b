import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { JsonValue } from '@authmesh/expressions';
import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError, ValidationFailedError } from '@authmesh/runtime';
import type { Actor } from '../audit/actor.js';
import { EventPublisher } from '../audit/event-publisher.js';
import type { CoreOptions } from '../core.options.js';
import { CORE_OPTIONS } from '../core.tokens.js';
import { GroupRepository } from '../groups/group.repository.js';
import { UserRepository } from '../users/user.repository.js';
import { scopeUserView } from './oauth2/scope-claims.js';
import type { PropertyMappingEntity } from './property-mapping.entity.js';
import { propertyMappingRef, propertyMappingType } from './property-mapping-types.js';
import { PropertyMappingRepository } from './property-mapping.repository.js';

export const propertyMappingListQuerySchema = z.object({
  managed__isnull: z.enum(['true', 'false']).optional(),
  type: z.string().max(64).optional(),
  name: z.string().max(255).optional(),
});

export const propertyMappingReadSchema = z.object({
  pk: z.uuid(),
  managed: z.string().nullable(),
  name: z.string(),
  expression: z.string(),
  component: z.string(),
  verbose_name: z.string(),
  verbose_name_plural: z.string(),
  meta_model_name: z.string(),
});
export type PropertyMappingRead = z.infer<typeof propertyMappingReadSchema>;

export const propertyMappingTestSchema = z.object({
  /** The user the expression sees; none runs it without a user. */
  user: z.number().int('Must be a user pk.').positive('Must be a user pk.').optional(),
  /** Extra values for the expression (for a webhook mapping: phone_number, body, code, ...). */
  context: z.record(z.string(), z.unknown()).default({}),
});
export type PropertyMappingTest = z.output<typeof propertyMappingTestSchema>;

export const propertyMappingTestResultSchema = z.object({
  successful: z.boolean(),
  /** The returned value as indented JSON, or the error message. */
  result: z.string(),
});

/** Property mappings of every kind: listing, reading and deleting. Each kind is created at its own endpoint. */
@Injectable()
export class PropertyMappingService {
  constructor(
    private readonly mappings: PropertyMappingRepository,
    private readonly events: EventPublisher,
    private readonly users: UserRepository,
    private readonly groups: GroupRepository,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async list(filters: z.output<typeof propertyMappingListQuerySchema>, query: ListQuery): Promise<Paginated<PropertyMappingRead>> {
    const [rows, count] = await this.mappings.list(filters, query);
    return paginate(rows.map(serializePropertyMapping), count, query);
  }

  async get(id: string): Promise<PropertyMappingRead> {
    return serializePropertyMapping(await this.require(id));
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const mapping = await this.require(id);
    await this.mappings.delete(id);
    await this.events.modelDeleted(actor, propertyMappingRef(mapping));
  }

  /**
   * Runs the mapping's expression in the sandbox with a chosen user and context, the way its
   * runtime would, and answers what it returned or why it failed. Nothing is saved or sent.
   */
  async test(id: string, input: PropertyMappingTest): Promise<z.infer<typeof propertyMappingTestResultSchema>> {
    const mapping = await this.require(id);
    const engine = this.options.expressions;
    if (!engine) throw new Error('testing a property mapping needs the expression engine');
    let user: JsonValue = null;
    if (input.user !== undefined) {
      const found = await this.users.findById(input.user);
      if (!found) throw ValidationFailedError.field('user', 'No such user.');
      user = scopeUserView(found, await this.groups.effectiveGroupsOfUser(found.id));
    }
    const context = JSON.parse(JSON.stringify(input.context)) as Record<string, JsonValue>;
    try {
      const value = await engine.evaluate({ source: mapping.expression, globals: testGlobals(mapping.type, user, context) });
      return { successful: true, result: JSON.stringify(value, null, 2) };
    } catch (error) {
      this.options.logger.debug({ mapping: mapping.id, err: (error as Error).message }, 'property mapping test failed');
      return { successful: false, result: (error as Error).message };
    }
  }

  private async require(id: string): Promise<PropertyMappingEntity> {
    const mapping = await this.mappings.findById(id);
    if (!mapping) throw new NotFoundError();
    return mapping;
  }
}

/** What an expression of this kind sees at run time: scope mappings get `request`, webhook mappings flat values. */
function testGlobals(type: string, user: JsonValue, context: Record<string, JsonValue>): Record<string, JsonValue> {
  if (type === 'scope') return { request: { user, context: { scopes: [], ...context } } };
  if (type === 'notification') return { ...context, user };
  return { request: { user, context }, user, ...context };
}

export function serializePropertyMapping(m: PropertyMappingEntity): PropertyMappingRead {
  const type = propertyMappingType(m.type);
  return {
    pk: m.id,
    managed: m.managed,
    name: m.name,
    expression: m.expression,
    component: type.component,
    verbose_name: type.verbose_name,
    verbose_name_plural: type.verbose_name_plural,
    meta_model_name: type.meta_model_name,
  };
}
