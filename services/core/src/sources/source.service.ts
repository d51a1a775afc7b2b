import { Injectable } from '@nestjs/common';
import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError } from '@authmesh/runtime';
import type { Actor } from '../audit/actor.js';
import { EventPublisher, type ModelRef } from '../audit/event-publisher.js';
import { Transactions } from '../database/transactions.js';
import type { SourceFilters, SourceRead, UsedBy } from './source.dto.js';
import type { SourceEntity } from './source.entity.js';
import { SourceRepository } from './source.repository.js';

/** Display names of source types, as the reference product's models call themselves. */
const VERBOSE: Record<string, [string, string]> = { oauth: ['OAuth Source', 'OAuth Sources'] };

/** The source base: listing every source whatever its type, what refers to one, and deleting one. */
@Injectable()
export class SourceService {
  constructor(
    private readonly sources: SourceRepository,
    private readonly transactions: Transactions,
    private readonly events: EventPublisher,
  ) {}

  async list(filters: SourceFilters, query: ListQuery): Promise<Paginated<SourceRead>> {
    const [rows, count] = await this.sources.list(filters, query);
    return paginate(rows.map(serializeSource), count, query);
  }

  async get(slug: string): Promise<SourceRead> {
    return serializeSource(await this.require(slug));
  }

  /** OAuth2 providers trusting the source's keys lose it when it is deleted. */
  async usedBy(slug: string): Promise<UsedBy> {
    const source = await this.require(slug);
    return (await this.sources.trustingProviders(source.id)).map((p) => ({
      app: 'authentik_providers_oauth2',
      model_name: 'oauth2provider',
      pk: String(p.provider_id),
      name: p.name,
      action: 'set_null' as const,
    }));
  }

  /** Deletes a source and removes it from every provider that trusted it, in one transaction. */
  async delete(actor: Actor, slug: string): Promise<void> {
    const source = await this.require(slug);
    await this.transactions.run(async () => {
      await this.sources.forgetTrust(source.id);
      await this.sources.delete(source.id);
    });
    await this.events.modelDeleted(actor, sourceRef(source));
  }

  private async require(slug: string): Promise<SourceEntity> {
    const source = await this.sources.findBySlug(slug);
    if (!source) throw new NotFoundError();
    return source;
  }
}

/** How an event names a source. */
export function sourceRef(source: SourceEntity): ModelRef {
  return { app: `authentik_sources_${source.type}`, model_name: `${source.type}source`, pk: source.id, name: source.name };
}

export function serializeSource(s: SourceEntity): SourceRead {
  const [verbose, plural] = VERBOSE[s.type] ?? [`${s.type} Source`, `${s.type} Sources`];
  return {
    pk: s.id,
    name: s.name,
    slug: s.slug,
    enabled: s.enabled,
    authentication_flow: s.authenticationFlow,
    enrollment_flow: s.enrollmentFlow,
    component: `ak-source-${s.type}-form`,
    verbose_name: verbose,
    verbose_name_plural: plural,
    meta_model_name: `authentik_sources_${s.type}.${s.type}source`,
    policy_engine_mode: s.policyEngineMode,
    user_matching_mode: s.userMatchingMode,
    managed: s.managed,
    user_path_template: s.userPathTemplate,
    icon: s.icon,
  };
}
