import type { KoaContext } from 'oidc-provider';
import { errors } from 'oidc-provider';
import type { FlowClient, IdentityClient, OAuth2ConfigClient, OAuth2Provider__Output } from '@authmesh/rpc';
import { secretsEqual } from '@authmesh/http';
import { issueMachineToken, requestedScopes } from './machine-token.js';
import type { SubjectDirectory } from './subject-directory.js';

/**
 * The reference product's machine-to-machine login with a user: `grant_type=password` (or
 * client_credentials with `username` and `password`), where the password is one of the
 * user's app password tokens. The client authenticates as usual first; the user must be
 * active and allowed into the application, and only scopes the provider maps are granted.
 */
export function appPasswordGrant(
  identity: IdentityClient,
  flows: FlowClient,
  core: OAuth2ConfigClient,
  subjects: SubjectDirectory,
  onDenied: (config: OAuth2Provider__Output, ctx: KoaContext, reason: string) => void,
) {
  return async (config: OAuth2Provider__Output, ctx: KoaContext): Promise<void> => {
    const params = ctx.oidc.params ?? {};
    const username = typeof params.username === 'string' ? params.username : '';
    const password = typeof params.password === 'string' ? params.password : '';
    if (!username || !password || !config.application) throw new errors.InvalidGrant('username and app password required');
    const scopes = requestedScopes(config, ctx);

    const token = await identity.checkToken({ key: password, intent: 'app_password' });
    // The same answer for a wrong password and a password of someone else.
    if (!token.valid || !token.user || !secretsEqual(token.user.username, username) || !token.user.is_active) {
      onDenied(config, ctx, 'invalid app password');
      throw new errors.InvalidGrant('invalid credentials');
    }
    const access = await flows.checkApplicationAccess({
      application_pk: config.application.pk,
      policy_engine_mode: config.application.policy_engine_mode,
      user_pk: token.user.pk,
      client_ip: ctx.ip,
      host: ctx.get('host'),
      user_agent: ctx.get('user-agent'),
      context_json: JSON.stringify({ oauth_grant_type: 'password', client_id: config.client_id }),
    });
    if (!access.passing) {
      onDenied(config, ctx, 'application policies denied access');
      throw new errors.InvalidGrant('access to the application was denied by policy');
    }

    ctx.body = await issueMachineToken(core, subjects, config, ctx, { userPk: token.user.pk, scopes, grantType: 'password' });
  };
}
