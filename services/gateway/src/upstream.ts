import { Agent as HttpAgent, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import httpProxy from 'http-proxy';
import type { ServiceName } from '@authmesh/config';
import type { RunningService, ServiceAddresses } from '@authmesh/runtime';

/** Where a routed request goes: a handler in this process, or another process's HTTP port. */
export type Upstream = { kind: 'local'; handler: RequestListener } | { kind: 'remote'; baseUrl: string };

/**
 * The upstream of `service`: its in-process handler when it runs here, else the remote
 * base URL configured for it, else undefined (not deployed, or serving no HTTP).
 */
export function resolveUpstream(
  service: ServiceName,
  local: ReadonlyMap<ServiceName, RunningService>,
  addresses: Pick<ServiceAddresses, 'http'>,
): Upstream | undefined {
  const running = local.get(service);
  if (running) return running.http ? { kind: 'local', handler: running.http.handler } : undefined;
  const baseUrl = addresses.http(service);
  return baseUrl ? { kind: 'remote', baseUrl } : undefined;
}

export interface RemoteProxyOptions {
  /**
   * Bounds connecting to an upstream, and how long an idle keep-alive connection is kept
   * (kept short so we close it before the upstream does and never reuse a dying socket).
   */
  connectTimeoutMs?: number;
  /** Longest silence from an upstream while a request is in progress. */
  responseTimeoutMs?: number;
}

/** Proxies requests to services in other processes over pooled keep-alive connections. */
export class RemoteProxy {
  private readonly httpAgent: HttpAgent;
  private readonly httpsAgent: HttpsAgent;
  private readonly proxy: httpProxy;

  constructor(options: RemoteProxyOptions = {}) {
    // The agent's socket timeout covers the connect phase; once connected, http-proxy
    // replaces it with the response timeout, and the agent restores it for idle sockets.
    const agentOptions = { keepAlive: true, maxSockets: 512, maxFreeSockets: 64, timeout: options.connectTimeoutMs ?? 4000 };
    this.httpAgent = new HttpAgent(agentOptions);
    this.httpsAgent = new HttpsAgent(agentOptions);
    // xfwd stays off: the forwarding headers were already set by prepareForwarding.
    this.proxy = httpProxy.createProxyServer({
      xfwd: false,
      changeOrigin: false,
      ws: false,
      proxyTimeout: options.responseTimeoutMs ?? 60_000,
    });
    // Every call passes its own error callback; this listener only keeps a stray error
    // from becoming an unhandled 'error' event that would end the process.
    this.proxy.on('error', () => undefined);
  }

  /** Streams `request` to `baseUrl` + its path and the answer back; `onError` runs when the upstream fails. */
  forward(request: IncomingMessage, response: ServerResponse, baseUrl: string, onError: (error: Error) => void): void {
    const agent = baseUrl.startsWith('https:') ? this.httpsAgent : this.httpAgent;
    this.proxy.web(request, response, { target: baseUrl, agent }, (error) => onError(error));
  }

  /** Closes pooled connections; requests still in flight are cut. */
  close(): void {
    this.proxy.close();
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
