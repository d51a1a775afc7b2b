import type { IncomingMessage, ServerResponse } from 'node:http';

/** Whether the client asked for JSON, as GitHub decides: an Accept header naming application/json. */
export function wantsJson(accept: string | undefined): boolean {
  return /(^|,)\s*application\/json\s*(;|,|$)/i.test(accept ?? '');
}

/** A JSON token (or error) answer as GitHub's default form encoding: scalars as they are, anything else as JSON. */
export function formEncoded(body: Record<string, unknown>): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    form.set(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return form.toString();
}

/**
 * GitHub's token endpoint answers `application/x-www-form-urlencoded` unless the client sends
 * `Accept: application/json`; clients written for GitHub parse the form. The JSON oidc-provider
 * writes (tokens and errors alike) is re-encoded on its way out; the status code stays the
 * OAuth one.
 */
export function githubTokenResponse(req: IncomingMessage, res: ServerResponse): void {
  if (wantsJson(req.headers.accept)) return;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    const type = String(res.getHeader('content-type') ?? '');
    if (chunk === undefined || typeof chunk === 'function' || !/^application\/json/i.test(type) || res.headersSent)
      return end(chunk, ...rest);
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
    } catch {
      return end(chunk, ...rest);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return end(chunk, ...rest);
    const body = Buffer.from(formEncoded(parsed as Record<string, unknown>), 'utf8');
    res.setHeader('Content-Type', 'application/x-www-form-urlencoded; charset=utf-8');
    res.setHeader('Content-Length', body.length);
    const callback = rest.find((arg) => typeof arg === 'function');
    return callback ? end(body, callback) : end(body);
  }) as ServerResponse['end'];
}
