import { UnavailableError } from '@authmesh/runtime';
import type { Principal, PrincipalResolver } from './principal.js';

/** A user as core's IdentityService answers it (the fields a principal needs). */
interface RemoteUser {
  pk: string;
  username: string;
  email: string;
  is_superuser: boolean;
}

/** The two IdentityService calls a runtime needs to authenticate API requests (IdentityClient has them). */
export interface RemoteIdentity {
  checkToken(request: { key: string; intent: string }): Promise<{ valid: boolean; user?: RemoteUser | null; token_identifier: string }>;
  checkSession(request: {
    session_key: string;
    client_ip: string;
    user_agent: string;
  }): Promise<{ valid: boolean; user?: RemoteUser | null; session_uuid: string }>;
}

/**
 * Authenticates API requests of a runtime service by asking core, which owns tokens and
 * sessions. When core cannot be reached (`unreachable` tells), the request fails with 503,
 * never as "bad credentials" and never as a pass.
 */
export function remotePrincipalResolver(identity: RemoteIdentity, unreachable: (error: unknown) => boolean): PrincipalResolver {
  const principal = (user: RemoteUser, extra: Partial<Principal>): Principal => ({
    user: { pk: user.pk, username: user.username, email: user.email, isSuperuser: user.is_superuser },
    ...extra,
  });
  const guarded = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      if (unreachable(error)) throw new UnavailableError('Identity service unavailable.');
      throw error;
    }
  };
  return {
    fromBearerToken: (key) =>
      guarded(async () => {
        const answer = await identity.checkToken({ key, intent: 'api' });
        return answer.valid && answer.user ? principal(answer.user, { tokenIdentifier: answer.token_identifier }) : null;
      }),
    fromSessionKey: (key, client) =>
      guarded(async () => {
        const answer = await identity.checkSession({ session_key: key, client_ip: client.ip, user_agent: client.userAgent });
        return answer.valid && answer.user ? principal(answer.user, { sessionId: answer.session_uuid }) : null;
      }),
  };
}
