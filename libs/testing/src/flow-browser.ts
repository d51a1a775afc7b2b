/**
 * A minimal browser for driving flows over HTTP: it keeps cookies the way a browser does
 * (set, replace, expire) and follows the executor's 302s with a GET, as the flow interface does.
 */
/** A JSON answer whose shape the test asserts; typed loosely on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test assertions read arbitrary challenge fields
export type Loose = any;

export class FlowBrowser {
  readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Loose; headers: Headers }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    for (const line of res.headers.getSetCookie()) this.store(line);
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  /** GETs the current challenge of a flow. */
  async start(slug: string, query = ''): Promise<Loose> {
    const res = await this.request('GET', executorPath(slug, query));
    if (res.status !== 200) throw new Error(`executor answered ${res.status}`);
    return res.body;
  }

  /** POSTs a response; follows the 302 to the next challenge like the flow interface. Answers the challenge shown. */
  async submit(slug: string, response: Record<string, unknown>, query = ''): Promise<{ status: number; challenge: Loose }> {
    const posted = await this.request('POST', executorPath(slug, query), response);
    if (posted.status === 302) {
      const location = posted.headers.get('location') ?? '';
      const next = await this.request('GET', location);
      return { status: 302, challenge: next.body };
    }
    return { status: posted.status, challenge: posted.body };
  }

  private store(line: string): void {
    const [pair, ...attributes] = line.split(';').map((p) => p.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const expired = attributes.some((a) => /^max-age=0$/i.test(a));
    if (expired || value === '') this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

/** The executor URL of a flow with the query it was started with. */
export function executorPath(slug: string, query = ''): string {
  return `/api/v3/flows/executor/${slug}/?query=${encodeURIComponent(query)}`;
}
