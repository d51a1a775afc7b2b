import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError } from '@authmesh/runtime';
import type { Actor } from '../audit/actor.js';
import { EventPublisher } from '../audit/event-publisher.js';
import type { ProviderEntity } from './provider.entity.js';
import { ProviderRepository } from './provider.repository.js';

export const providerListQuerySchema = z.object({
  application__isnull: z.enum(['true', 'false']).optional(),
  type: z.string().max(64).optional(),
});

export const providerReadSchema = z.object({
  pk: z.number().int(),
  name: z.string(),
  component: z.string(),
  meta_model_name: z.string(),
  authentication_flow: z.uuid().nullable(),
  authorization_flow: z.uuid().nullable(),
  property_mappings: z.array(z.uuid()),
  assigned_application_slug: z.string().nullable(),
  assigned_application_name: z.string().nullable(),
});
export type ProviderRead = z.infer<typeof providerReadSchema>;

/** The provider base: listing every provider whatever its type, and deleting one. */
@Injectable()
export class ProviderService {
  constructor(
    private readonly providers: ProviderRepository,
    private readonly events: EventPublisher,
  ) {}

  async list(filters: z.output<typeof providerListQuerySchema>, query: ListQuery): Promise<Paginated<ProviderRead>> {
    const [rows, count] = await this.providers.list(filters, query);
    const assigned = await this.providers.assignments(rows.map((r) => r.id));
    return paginate(
      rows.map((r) => serializeProvider(r, assigned.get(r.id))),
      count,
      query,
    );
  }

  async get(id: number): Promise<ProviderRead> {
    const provider = await this.require(id);
    return serializeProvider(provider, (await this.providers.assignments([id])).get(id));
  }

  /** What deleting the provider touches; `type` limits it to one provider type (for the type's own endpoint). */
  async usedBy(id: number, type?: string): Promise<Array<{ app: string; model_name: string; pk: string; name: string; action: string }>> {
    const provider = await this.require(id);
    if (type !== undefined && provider.type !== type) throw new NotFoundError();
    return this.providers.usedBy(id);
  }

  async delete(actor: Actor, id: number): Promise<void> {
    const provider = await this.require(id);
    await this.providers.delete(id);
    await this.events.modelDeleted(actor, {
      app: 'authentik_providers',
      model_name: `${provider.type}provider`,
      pk: id,
      name: provider.name,
    });
  }

  private async require(id: number): Promise<ProviderEntity> {
    const provider = await this.providers.findById(id);
    if (!provider) throw new NotFoundError();
    return provider;
  }
}

export function serializeProvider(p: ProviderEntity, assigned?: { slug: string; name: string }): ProviderRead {
  return {
    pk: p.id,
    name: p.name,
    component: `ak-provider-${p.type}-form`,
    meta_model_name: `authentik_providers_${p.type}.${p.type}provider`,
    authentication_flow: p.authenticationFlow,
    authorization_flow: p.authorizationFlow,
    property_mappings: (p.propertyMappings ?? []).map((m) => m.id),
    assigned_application_slug: assigned?.slug ?? null,
    assigned_application_name: assigned?.name ?? null,
  };
}
