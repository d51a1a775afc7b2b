import type { KoaContext } from 'oidc-provider';
import type { Logger } from '@authmesh/logger';
import {
  GrpcStatus,
  RpcCallError,
  type FlowClient,
  type IdentityClient,
  type OAuth2ConfigClient,
  type OAuth2Provider__Output,
} from '@authmesh/rpc';
import type { SubjectDirectory } from './subject-directory.js';

/** What oidc-provider asks about the user behind a grant. */
export interface OidcAccount {
  accountId: string;
  claims(use: string, scope: string): Promise<Record<string, unknown>>;
}

/**
 * Resolves the user of a grant for oidc-provider. It is asked on every path that issues or
 * serves tokens for a user (code and refresh grants, userinfo), so a deactivated user or an
 * application policy that now denies ends the grant's use at once: answering no account
 * makes oidc-provider refuse with invalid_grant / invalid_token.
 */
export class AccountFinder {
  private readonly decided = new WeakMap<object, Promise<OidcAccount | undefined>>();

  constructor(
    private readonly subjects: SubjectDirectory,
    private readonly identity: IdentityClient,
    private readonly flows: FlowClient,
    private readonly core: OAuth2ConfigClient,
    private readonly logger: Logger,
    private readonly denied: (config: OAuth2Provider__Output, userPk: string, ctx: KoaContext, messages: string[]) => void,
  ) {}

  find(config: OAuth2Provider__Output, ctx: KoaContext, accountId: string): Promise<OidcAccount | undefined> {
    // One decision per request, however often oidc-provider asks within it.
    const cached = this.decided.get(ctx);
    if (cached) return cached;
    const decision = this.decide(config, ctx, accountId);
    this.decided.set(ctx, decision);
    return decision;
  }

  private async decide(config: OAuth2Provider__Output, ctx: KoaContext, accountId: string): Promise<OidcAccount | undefined> {
    const userPk = config.application && accountId.length <= 255 ? await this.subjects.userOf(config.client_id, accountId) : null;
    if (!userPk || !config.application) return undefined;
    const user = await this.identity.getUser({ pk: userPk }).catch((error: unknown) => {
      if (error instanceof RpcCallError && error.status === GrpcStatus.NOT_FOUND) return null;
      throw error;
    });
    if (!user || !user.is_active) return undefined;
    const access = await this.flows.checkApplicationAccess({
      application_pk: config.application.pk,
      policy_engine_mode: config.application.policy_engine_mode,
      user_pk: user.pk,
      client_ip: ctx.ip,
      host: ctx.get('host'),
      user_agent: ctx.get('user-agent'),
      context_json: JSON.stringify({ oauth_route: ctx.oidc.route }),
    });
    if (!access.passing) {
      this.denied(config, user.pk, ctx, access.messages);
      return undefined;
    }
    // A changed subject mode (or e-mail, for user_email) makes the old subject stand for no one.
    const { subject } = await this.core.evaluateScopes({ provider_pk: config.pk, user_pk: user.pk, scopes: [] });
    if (subject !== accountId) return undefined;
    return {
      accountId,
      claims: async (_use: string, scope: string) => {
        const scopes = scope.split(' ').filter(Boolean);
        const answer = await this.core.evaluateScopes({ provider_pk: config.pk, user_pk: user.pk, scopes });
        let claims: Record<string, unknown> = {};
        try {
          claims = JSON.parse(answer.claims_json) as Record<string, unknown>;
        } catch {
          this.logger.warn({ provider: config.pk }, 'scope claims were not JSON; releasing none');
        }
        // The subject is the provider's, never a mapping's.
        return { ...claims, sub: subject };
      },
    };
  }
}
