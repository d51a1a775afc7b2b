import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError } from '@authmesh/runtime';
import type { Actor } from '../audit/actor.js';
import { EventPublisher } from '../audit/event-publisher.js';
import type { PropertyMappingEntity } from './property-mapping.entity.js';
import { propertyMappingRef, propertyMappingType } from './property-mapping-types.js';
import { PropertyMappingRepository, type MappingUser } from './property-mapping.repository.js';

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

export const usedBySchema = z.array(
  z.object({ app: z.string(), model_name: z.string(), pk: z.string(), name: z.string(), action: z.string() }),
);

/** Property mappings of every kind: listing, reading and deleting. Each kind is created at its own endpoint. */
@Injectable()
export class PropertyMappingService {
  constructor(
    private readonly mappings: PropertyMappingRepository,
    private readonly events: EventPublisher,
  ) {}

  async list(filters: z.output<typeof propertyMappingListQuerySchema>, query: ListQuery): Promise<Paginated<PropertyMappingRead>> {
    const [rows, count] = await this.mappings.list(filters, query);
    return paginate(rows.map(serializePropertyMapping), count, query);
  }

  async get(id: string): Promise<PropertyMappingRead> {
    return serializePropertyMapping(await this.require(id));
  }

  async usedBy(id: string): Promise<MappingUser[]> {
    await this.require(id);
    return this.mappings.usedBy(id);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const mapping = await this.require(id);
    await this.mappings.delete(id);
    await this.events.modelDeleted(actor, propertyMappingRef(mapping));
  }

  private async require(id: string): Promise<PropertyMappingEntity> {
    const mapping = await this.mappings.findById(id);
    if (!mapping) throw new NotFoundError();
    return mapping;
  }
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
