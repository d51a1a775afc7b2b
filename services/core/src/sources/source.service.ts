import { Injectable } from '@nestjs/common';
import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError } from '@authmesh/runtime';
import type { Actor } from '../audit/actor.js';
import { EventPublisher, type ModelRef } from '../audit/event-publisher.js';
import { Transactions } from '../database/transactions.js';
import type { Principal } from '@authmesh/http';
import { UsedByService } from '../common/used-by/used-by.service.js';
import type { UsedBy } from '../common/used-by/used-by.js';
import type { SourceFilters, SourceRead } from './source.dto.js';
import { SourceEntity } from './source.entity.js';
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
    private readonly references: UsedByService,
  ) {}

  async list(filters: SourceFilters, query: ListQuery): Promise<Paginated<SourceRead>> {
    const [rows, count] = await this.sources.list(filters, query);
    return paginate(rows.map(serializeSource), count, query);
  }

  async get(slug: string): Promise<SourceRead> {
    return serializeSource(await this.require(slug));
  }

  /**
   * What refers to the source: rows with foreign keys (the generic answer), plus OAuth2 providers
   * trusting its keys (kept as a list of ids, not a foreign key), which lose it when it is deleted.
   */
  async usedBy(principal: Principal, slug: string): Promise<UsedBy[]> {
    const source = await this.require(slug);
    const [referring, trusting] = await Promise.all([
      this.references.of(SourceEntity, principal, Promise.resolve({ pk: source.id })),
      this.sources.trustingProviders(source.id),
    ]);
    const providers: UsedBy[] = trusting.map((p) => ({
      app: 'authentik_providers_oauth2',
      model_name: 'oauth2provider',
      pk: String(p.provider_id),
      name: p.name,
      action: 'cascade_many',
    }));
    return [...referring, ...providers];
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
