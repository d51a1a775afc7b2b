import type { AuthenticateRequest__Output, AuthenticateResponse } from '@authmesh/rpc';
import type { Challenge } from './challenge.js';
import type { FlowExecutor } from './flow-executor.js';
import type { ExecutorRequest, ExecutorResponse } from './flow-run.js';

/** More round trips than any login flow needs; a flow that loops is refused. */
const MAX_STEPS = 20;
/** What a refused login says, whatever the reason the flow gave (no enumeration through LDAP or RADIUS). */
const REFUSED = 'Invalid credentials.';

/**
 * Splits code-based MFA input: `secret;123456` is the password `secret` and the code
 * `123456`. Only a trailing group of 6 to 8 digits counts, and only when the provider
 * enabled it, because a real password may end that way.
 */
export function splitCodeBasedMfa(password: string, enabled: boolean): { password: string; code?: string } {
  if (!enabled) return { password };
  const match = /^(.*);(\d{6,8})$/s.exec(password);
  return match ? { password: match[1], code: match[2] } : { password };
}

/**
 * Runs a login flow for a protocol that receives every credential at once (an LDAP bind, a
 * RADIUS request), through the same executor, stages, policies and reputation as a
 * browser. It answers identification, password and the second-factor stage (with the
 * code, or a Duo push when there is no code); any other question fails the login, since
 * nobody is there to answer it.
 */
export class ProtocolLogin {
  constructor(private readonly executor: FlowExecutor) {}

  async authenticate(request: AuthenticateRequest__Output): Promise<AuthenticateResponse> {
    const credentials = splitCodeBasedMfa(request.password, request.code_based_mfa);
    const prepared = await this.executor.prepare({
      slug: request.flow_slug,
      flowKey: '',
      sessionKey: '',
      clientIp: request.client_ip,
      userAgent: `authmesh-${request.protocol || 'protocol'}`,
      host: '',
      method: 'GET',
      path: '',
      query: '',
      context: { protocol: request.protocol || 'protocol' },
    });
    if (!prepared.planned) return refused(prepared.message);

    const base: Omit<ExecutorRequest, 'method' | 'body'> = {
      slug: request.flow_slug,
      flowKey: prepared.flow_key,
      sessionKey: undefined,
      secure: false,
      cookies: new Map(),
      clientIp: request.client_ip,
      userAgent: `authmesh-${request.protocol || 'protocol'}`,
      host: '',
      path: '',
      query: '',
      interactive: false,
    };
    const asked = new Set<string>();
    let answer: ExecutorResponse = await this.executor.execute({ ...base, method: 'GET', body: undefined });
    for (let step = 0; step < MAX_STEPS; step++) {
      if (answer.status === 302) {
        answer = await this.executor.execute({ ...base, method: 'GET', body: undefined });
        continue;
      }
      const challenge = answer.body as Challenge | undefined;
      if (answer.status !== 200 || !challenge || !('component' in challenge)) return refused('The flow could not be run.');
      if (challenge.component === 'xak-flow-redirect') {
        return answer.authenticatedUser
          ? { authenticated: true, user_pk: answer.authenticatedUser, message: '' }
          : refused('The flow finished without logging anybody in.');
      }
      // The same question twice means the first answer was refused: stop, do not guess.
      const body = asked.has(challenge.component) ? null : responseTo(challenge, request.username, credentials);
      if (!body) {
        await this.executor.abandon(request.flow_slug, prepared.flow_key);
        return refused(challenge.component === 'ak-stage-access-denied' ? String(challenge.error_message ?? '') : challenge.component);
      }
      asked.add(challenge.component);
      answer = await this.executor.execute({ ...base, method: 'POST', body });
    }
    await this.executor.abandon(request.flow_slug, prepared.flow_key);
    return refused('The flow did not finish.');
  }
}

/** The answer to a challenge from the credentials, or null when only a person could answer it. */
function responseTo(
  challenge: Challenge,
  username: string,
  credentials: { password: string; code?: string },
): Record<string, unknown> | null {
  switch (challenge.component) {
    case 'ak-stage-identification':
      return { uid_field: username, ...(challenge.password_fields ? { password: credentials.password } : {}) };
    case 'ak-stage-password':
      return { password: credentials.password };
    case 'ak-stage-authenticator-validate': {
      if (credentials.code) return { code: credentials.code };
      const devices = (challenge.device_challenges ?? []) as Array<{ device_class: string; device_uid: string }>;
      const duo = devices.find((d) => d.device_class === 'duo');
      return duo ? { selected_challenge: { device_class: 'duo', device_uid: duo.device_uid } } : null;
    }
    default:
      return null;
  }
}

function refused(reason: string): AuthenticateResponse {
  return { authenticated: false, user_pk: '', message: reason ? `${REFUSED} (${reason})` : REFUSED };
}
