import { FlowBrowser } from '@authmesh/testing';

/** The authentication flow's login, answered through the executor API as the flow interface would. */
export async function logIn(browser: FlowBrowser, slug: string, query: string, username: string, password: string): Promise<string> {
  const first = await browser.start(slug, query);
  if (first.component !== 'ak-stage-identification') throw new Error(`expected identification, got ${first.component}`);
  await browser.submit(slug, { component: 'ak-stage-identification', uid_field: username }, query);
  const done = await browser.submit(slug, { component: 'ak-stage-password', password }, query);
  if (done.challenge.component !== 'xak-flow-redirect') throw new Error(`login did not complete: ${JSON.stringify(done.challenge)}`);
  return done.challenge.to as string;
}

/** A flow interface URL (`/if/flow/<slug>/?query`) split into slug and query. */
export function flowTarget(location: string): { slug: string; query: string } | null {
  const match = /^\/if\/flow\/([-\w]+)\/(?:\?(.*))?$/.exec(location);
  return match ? { slug: match[1], query: match[2] ?? '' } : null;
}

/** Follows same-origin redirects like a browser until one leaves the server (answers that URL) or a page is shown. */
export async function follow(
  browser: FlowBrowser,
  start: string,
  answerFlow: (slug: string, query: string) => Promise<string>,
  limit = 15,
): Promise<{ location?: string; status: number; body: unknown }> {
  let path = start.startsWith('http') ? start.slice(browser.baseUrl.length) : start;
  for (let i = 0; i < limit; i++) {
    const flow = flowTarget(path);
    if (flow) {
      path = await answerFlow(flow.slug, flow.query);
      continue;
    }
    const res = await browser.request('GET', path);
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location) return { status: res.status, body: res.body };
    if (/^https?:/.test(location) && !location.startsWith(browser.baseUrl)) return { location, status: res.status, body: res.body };
    path = location.startsWith('http') ? location.slice(browser.baseUrl.length) : location;
  }
  throw new Error('too many redirects');
}
