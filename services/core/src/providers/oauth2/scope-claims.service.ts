import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, ValidationFailedError } from '@authmesh/runtime';
import { EventPublisher } from '../../audit/event-publisher.js';
import { CORE_OPTIONS } from '../../core.tokens.js';
import type { CoreOptions } from '../../core.options.js';
import { GroupRepository } from '../../groups/group.repository.js';
import { UserRepository } from '../../users/user.repository.js';
import { OAuth2ProviderRepository } from './oauth2-provider.repository.js';
import { evaluateScopeClaims, scopeUserView } from './scope-claims.js';
import { ScopeMappingRepository } from './scope-mapping.repository.js';
import { subjectOf } from './subject.js';

/** What a provider releases about a user: the scope claims and the subject. */
export interface UserClaims {
  claims: Record<string, unknown>;
  granted: string[];
  subject: string;
}

/** Runs a provider's scope mappings for a user (for the runtime, and the admin's preview). */
@Injectable()
export class ScopeClaimsService {
  constructor(
    private readonly providers: OAuth2ProviderRepository,
    private readonly mappings: ScopeMappingRepository,
    private readonly users: UserRepository,
    private readonly groups: GroupRepository,
    private readonly events: EventPublisher,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  /** Claims for the requested scopes, or for every scope the provider maps when `scopes` is undefined. */
  async forUser(providerId: number, userPk: string, scopes?: string[]): Promise<UserClaims> {
    const engine = this.options.expressions;
    if (!engine) throw new Error('scope mappings need the expression engine');
    const row = await this.providers.findById(providerId);
    if (!row) throw new NotFoundError('no such OAuth2 provider');
    const userId = /^\d{1,10}$/.test(userPk) ? Number(userPk) : null;
    const user = userId !== null ? await this.users.findById(userId) : null;
    if (!user) throw ValidationFailedError.field('user_pk', 'no such user');
    const mappings = await this.mappings.findByIds((row.provider.propertyMappings ?? []).map((m) => m.id));
    const requested = new Set(scopes ?? mappings.map((m) => m.scopeName));
    const chosen = mappings.filter((m) => requested.has(m.scopeName)).sort((a, b) => a.mapping.name.localeCompare(b.mapping.name));
    const view = scopeUserView(user, await this.groups.effectiveGroupsOfUser(user.id));
    const { claims, failures } = await evaluateScopeClaims(
      engine,
      chosen.map((m) => ({ name: m.mapping.name, scopeName: m.scopeName, expression: m.mapping.expression })),
      view,
      [...requested],
    );
    for (const failure of failures) {
      this.options.logger.warn({ provider: row.providerId, mapping: failure.mapping, err: failure.error }, 'scope mapping failed');
      await this.events.emit('configuration_error', null, {
        message: `Scope mapping "${failure.mapping}" failed: ${failure.error}`,
        provider: { pk: row.providerId, name: row.provider.name },
      });
    }
    const granted = new Set(chosen.map((m) => m.scopeName));
    return {
      claims,
      granted: [...requested].filter((s) => granted.has(s)),
      subject: subjectOf(user, row.subMode, (value) => this.options.secretBox.digest(value)),
    };
  }
}
