import type { IncomingMessage } from 'node:http';
import type { KoaContext } from 'oidc-provider';
import { errors } from 'oidc-provider';
import {
  GrpcStatus,
  RpcCallError,
  type FlowClient,
  type IdentityClient,
  type OAuth2ConfigClient,
  type OAuth2Provider__Output,
  type User__Output,
} from '@authmesh/rpc';
import { AssertionRefused, verifyClientAssertion, type VerifiedAssertion } from '../clients/client-assertion.js';
import { issueMachineToken, requestedScopes } from './machine-token.js';
import type { SubjectDirectory } from './subject-directory.js';

/**
 * The grant type a client-credentials request with a JWT client assertion is routed to
 * inside the runtime (the request handler verifies nothing; this grant does).
 */
export const CLIENT_ASSERTION_GRANT = 'urn:authmesh:params:oauth:grant-type:client-assertion';

/** The assertion travels on the request object, not in the form: a client cannot call this grant directly. */
const ASSERTION = Symbol('authmesh.client-assertion');

/** Hands the assertion of a routed request to the grant. */
export function attachAssertion(req: IncomingMessage, assertion: string): void {
  (req as IncomingMessage & { [ASSERTION]?: string })[ASSERTION] = assertion;
}

function attachedAssertion(req: IncomingMessage): string | undefined {
  return (req as IncomingMessage & { [ASSERTION]?: string })[ASSERTION];
}

/** What the grant reports: refusals (for suspicious-request events) and logins. */
export interface ClientAssertionReports {
  refused(config: OAuth2Provider__Output, ctx: KoaContext, reason: string): void;
  loggedIn(config: OAuth2Provider__Output, ctx: KoaContext, user: User__Output, verified: VerifiedAssertion): void;
}

/**
 * The reference product's machine-to-machine login with a JWT: client credentials where a
 * JWT signed by a key of one of the provider's trusted sources authenticates the client.
 * The runtime then acts for a generated service account named `<provider>-<sub>`, checks
 * the application's policies for it, and issues an access token for the mapped scopes.
 * A refused assertion is `invalid_client` (RFC 7523 section 3.2); a refused user or policy
 * decision is `invalid_grant`.
 */
export function clientAssertionGrant(
  identity: IdentityClient,
  flows: FlowClient,
  core: OAuth2ConfigClient,
  subjects: SubjectDirectory,
  reports: ClientAssertionReports,
) {
  return async (config: OAuth2Provider__Output, ctx: KoaContext): Promise<void> => {
    const assertion = attachedAssertion(ctx.req);
    if (assertion === undefined) throw new errors.UnsupportedGrantType();
    const scopes = requestedScopes(config, ctx);

    let verified: VerifiedAssertion;
    try {
      verified = await verifyClientAssertion(assertion, config.jwks_sources, [
        config.client_id,
        ctx.oidc.provider.issuer,
        ctx.oidc.urlFor('token'),
      ]);
    } catch (error) {
      if (!(error instanceof AssertionRefused)) throw error;
      reports.refused(config, ctx, `client assertion refused: ${error.message}`);
      throw new errors.InvalidClientAuth(error.message);
    }
    const app = config.application;
    if (!app) throw new errors.InvalidGrant('the provider is not assigned to an application');

    const user = await serviceAccountFor(identity, config, verified, ctx).catch((error: unknown) => {
      if (
        error instanceof RpcCallError &&
        (error.status === GrpcStatus.PERMISSION_DENIED || error.status === GrpcStatus.INVALID_ARGUMENT)
      ) {
        reports.refused(config, ctx, `no service account for subject ${verified.claims.sub}: ${error.message}`);
        throw new errors.InvalidGrant('the subject cannot be used');
      }
      throw error;
    });
    if (!user.is_active) {
      reports.refused(config, ctx, `service account ${user.username} is deactivated`);
      throw new errors.InvalidGrant('the subject cannot be used');
    }
    const access = await flows.checkApplicationAccess({
      application_pk: app.pk,
      policy_engine_mode: app.policy_engine_mode,
      user_pk: user.pk,
      client_ip: ctx.ip,
      host: ctx.get('host'),
      user_agent: ctx.get('user-agent'),
      context_json: JSON.stringify({ oauth_grant_type: 'client_credentials', client_id: config.client_id, oauth_jwt: verified.claims }),
    });
    if (!access.passing) {
      reports.refused(config, ctx, 'application policies denied access');
      throw new errors.InvalidGrant('access to the application was denied by policy');
    }

    const body = await issueMachineToken(core, subjects, config, ctx, { userPk: user.pk, scopes, grantType: 'client_credentials' });
    reports.loggedIn(config, ctx, user, verified);
    ctx.body = body;
  };
}

/** The generated service account for the assertion's subject, as the reference product names it. */
function serviceAccountFor(identity: IdentityClient, config: OAuth2Provider__Output, verified: VerifiedAssertion, ctx: KoaContext) {
  const app = config.application?.name ?? config.name;
  return identity.ensureServiceAccount({
    username: `${config.name}-${verified.claims.sub}`,
    name: `Autogenerated user from application ${app} (client credentials JWT)`,
    path: verified.source.user_path,
    expires: verified.claims.exp,
    owner: `oauth2-provider:${config.pk}`,
    client_ip: ctx.ip,
  });
}
