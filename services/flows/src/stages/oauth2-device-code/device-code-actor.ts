import type { DeviceCodeActor } from '@authmesh/rpc';
import type { StageRequest } from '../stage-runtime.js';

/** Who settles a device code in the oauth2 runtime: this user, through this browser's login session. */
export function deviceCodeActor(userPk: string, request: StageRequest): DeviceCodeActor {
  return {
    user_pk: userPk,
    session_key: request.sessionKey ?? '',
    client_ip: request.clientIp,
    user_agent: request.userAgent,
    host: request.host,
    secure: request.secure,
  };
}
