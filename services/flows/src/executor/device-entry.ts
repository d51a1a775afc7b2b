import { GrpcStatus, RpcCallError, type FlowConfigClient, type IdentityClient } from '@authmesh/rpc';
import { NotFoundError } from '@authmesh/runtime';
import { DEVICE_CODE_FLOW_SLUG } from './built-in-flows.js';
import type { FlowExecutor } from './flow-executor.js';

/** The browser request behind `/device`. */
export interface DeviceEntryRequest {
  flowKey: string;
  sessionKey: string;
  clientIp: string;
  userAgent: string;
  host: string;
  /** The code from `verification_uri_complete`, if any. */
  code: string;
}

/** Where `/device` sends the browser, and the flow cookie to set when a new one was made. */
export interface DeviceEntryAnswer {
  location: string;
  flowKey?: string;
}

/**
 * `/device`, the verification URI of the device authorization grant: after a login (the
 * brand's authentication flow, coming back here), the brand's `flow_device_code` flow, or
 * the built-in one, is planned with the in-memory device code stage at its end.
 */
export class DeviceEntry {
  constructor(
    private readonly executor: FlowExecutor,
    private readonly config: FlowConfigClient,
    private readonly identity: IdentityClient,
  ) {}

  async open(request: DeviceEntryRequest): Promise<DeviceEntryAnswer> {
    const code = request.code.slice(0, 64);
    const query = code ? new URLSearchParams({ code }).toString() : '';
    const hostname = request.host.replace(/:\d+$/, '');
    const session = request.sessionKey
      ? await this.identity.checkSession({ session_key: request.sessionKey, client_ip: request.clientIp, user_agent: request.userAgent })
      : null;
    if (!session?.valid) {
      const login = await this.config.getDefaultFlow('authentication', hostname).catch((error: unknown) => {
        if (error instanceof RpcCallError && error.status === GrpcStatus.NOT_FOUND)
          throw new NotFoundError('No authentication flow is configured.');
        throw error;
      });
      return { location: `/if/flow/${login}/?${new URLSearchParams({ next: `/device${query ? `?${query}` : ''}` })}` };
    }
    const slug = await this.config.getDefaultFlow('device_code', hostname).catch((error: unknown) => {
      if (error instanceof RpcCallError && error.status === GrpcStatus.NOT_FOUND) return DEVICE_CODE_FLOW_SLUG;
      throw error;
    });
    const prepared = await this.executor.prepare({
      slug,
      flowKey: request.flowKey,
      sessionKey: request.sessionKey,
      clientIp: request.clientIp,
      userAgent: request.userAgent,
      host: request.host,
      method: 'GET',
      path: '/device',
      query,
      context: {},
      append: ['oauth2-device-code'],
    });
    const location = `/if/flow/${slug}/${query ? `?${query}` : ''}`;
    // A flow whose policies deny this user shows why when the flow interface asks it.
    if (!prepared.planned || prepared.flow_key === request.flowKey) return { location };
    return { location, flowKey: prepared.flow_key };
  }
}
