/** One request the UI made, as the fake server saw it. */
export interface SeenRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

type Reply = (request: SeenRequest) => Response | Promise<Response>;

/**
 * Stands in for the authmesh API in component tests: the global fetch (which the generated
 * client captured at import) lands here, each request is recorded and answered by `reply`.
 */
export const fakeServer = {
  requests: [] as SeenRequest[],
  reply: (() => json(500, { detail: 'no reply set' })) as Reply,
  reset() {
    this.requests = [];
    this.reply = () => json(500, { detail: 'no reply set' });
  },
};

/** A JSON response. */
export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** The fetch installed for every test. */
export async function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = input instanceof Request ? input : new Request(String(input), init);
  const text = request.method === 'GET' ? '' : await request.text();
  const seen = {
    method: request.method,
    url: new URL(request.url, 'http://localhost'),
    headers: request.headers,
    // JSON bodies are parsed; others (multipart uploads) are kept as the text that was sent.
    body: text ? (/json/.test(request.headers.get('content-type') ?? 'application/json') ? JSON.parse(text) : text) : undefined,
  };
  fakeServer.requests.push(seen);
  return fakeServer.reply(seen);
}
