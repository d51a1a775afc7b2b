import { Injectable } from '@nestjs/common';
import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError, ValidationFailedError } from '@authmesh/runtime';
import type { Actor } from '../audit/actor.js';
import { EventPublisher, type ModelRef } from '../audit/event-publisher.js';
import { rethrowUnique } from '../database/transactions.js';
import { ApplicationEntity } from './application.entity.js';
import { ApplicationAccess } from './application-access.js';
import type { ApplicationAudience, ApplicationFilters, ApplicationPatch, ApplicationRead, ApplicationWrite } from './application.dto.js';
import { ApplicationRepository } from './application.repository.js';

/** Applications: what users launch, each backed by at most one provider. */
@Injectable()
export class ApplicationService {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly events: EventPublisher,
    private readonly access: ApplicationAccess,
  ) {}

  /**
   * Every application for a superuser's admin list; otherwise (and when a superuser asks
   * `for_user=me`) only those the caller's policies let them open, paged after filtering.
   */
  async list(
    actor: Actor,
    filters: ApplicationFilters,
    audience: ApplicationAudience,
    query: ListQuery,
  ): Promise<Paginated<ApplicationRead>> {
    const full = actor.principal.user.isSuperuser && audience.for_user !== 'me';
    if (full && !audience.only_with_launch_url) {
      const [rows, count] = await this.applications.list(filters, query);
      return paginate(rows.map(serializeApplication), count, query);
    }
    let rows = await this.applications.listAll(filters, query);
    if (audience.only_with_launch_url) rows = rows.filter((app) => serializeApplication(app).launch_url !== null);
    if (!full) rows = await this.access.allowed(actor, rows);
    const start = (query.page - 1) * query.page_size;
    return paginate(rows.slice(start, start + query.page_size).map(serializeApplication), rows.length, query);
  }

  async get(slug: string): Promise<ApplicationRead> {
    return serializeApplication(await this.require(slug));
  }

  async create(actor: Actor, input: ApplicationWrite): Promise<ApplicationRead> {
    return this.write(actor, new ApplicationEntity(), input, 'created');
  }

  async update(actor: Actor, slug: string, input: ApplicationPatch): Promise<ApplicationRead> {
    return this.write(actor, await this.require(slug), input, 'updated');
  }

  async delete(actor: Actor, slug: string): Promise<void> {
    const app = await this.require(slug);
    await this.applications.delete(app.id);
    await this.events.modelDeleted(actor, ref(app));
  }

  private async write(
    actor: Actor,
    app: ApplicationEntity,
    input: ApplicationPatch,
    change: 'created' | 'updated',
  ): Promise<ApplicationRead> {
    if (input.provider && !(await this.applications.providerExists(input.provider))) {
      throw ValidationFailedError.field('provider', `Invalid pk "${input.provider}" - object does not exist.`);
    }
    if (input.name !== undefined) app.name = input.name;
    if (input.slug !== undefined) app.slug = input.slug;
    if (input.group !== undefined) app.group = input.group;
    if (input.provider !== undefined) app.providerId = input.provider;
    if (input.meta_launch_url !== undefined) app.metaLaunchUrl = input.meta_launch_url;
    if (input.meta_icon !== undefined) app.metaIcon = input.meta_icon;
    if (input.meta_description !== undefined) app.metaDescription = input.meta_description;
    if (input.meta_publisher !== undefined) app.metaPublisher = input.meta_publisher;
    if (input.open_in_new_tab !== undefined) app.openInNewTab = input.open_in_new_tab;
    if (input.policy_engine_mode !== undefined) app.policyEngineMode = input.policy_engine_mode;
    app.provider = undefined;
    const saved = await this.applications.save(app).catch(rethrowUnique);
    await (change === 'created' ? this.events.modelCreated(actor, ref(saved)) : this.events.modelUpdated(actor, ref(saved)));
    return serializeApplication((await this.applications.findBySlug(saved.slug)) ?? saved);
  }

  private async require(slug: string): Promise<ApplicationEntity> {
    const app = await this.applications.findBySlug(slug);
    if (!app) throw new NotFoundError();
    return app;
  }
}

function serializeApplication(a: ApplicationEntity): ApplicationRead {
  return {
    pk: a.id,
    name: a.name,
    slug: a.slug,
    group: a.group,
    provider: a.providerId,
    provider_obj: a.provider ? { pk: a.provider.id, name: a.provider.name, component: `ak-provider-${a.provider.type}-form` } : null,
    launch_url: a.metaLaunchUrl || null,
    meta_launch_url: a.metaLaunchUrl,
    meta_icon: a.metaIcon,
    meta_description: a.metaDescription,
    meta_publisher: a.metaPublisher,
    open_in_new_tab: a.openInNewTab,
    policy_engine_mode: a.policyEngineMode,
  };
}

function ref(app: ApplicationEntity): ModelRef {
  return { app: 'authentik_core', model_name: 'application', pk: app.id, name: app.name };
}
