import type { OutboundClient } from '@authmesh/outbound';

/** The subset of fetch's init oidc-provider passes (back-channel logout posts). */
interface FetchInit {
  method?: string;
  headers?: ConstructorParameters<typeof Headers>[0];
  body?: string | URLSearchParams | null;
}

/**
 * A `fetch` for oidc-provider's own outbound calls (back-channel logout tokens) that goes
 * through the project's outbound client: its deny list (loopback and link-local by default),
 * its timeout and size bound, and no redirects followed.
 */
export function outboundFetch(outbound: OutboundClient): (url: string | URL, init?: FetchInit) => Promise<Response> {
  return async (url, init = {}) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      // oidc-provider blanks the user agent; the outbound client sends its own.
      if (name !== 'user-agent' || value !== '') headers[name] = value;
    });
    const answer = await outbound.request(String(url), {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined || init.body === null ? undefined : String(init.body),
    });
    const empty = answer.status === 204 || answer.status === 205 || answer.status === 304;
    return new Response(empty ? null : new Uint8Array(answer.body), { status: answer.status, headers: answer.headers });
  };
}
