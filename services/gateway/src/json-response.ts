import type { ServerResponse } from 'node:http';

/**
 * Writes a small JSON answer. When the response has already started (an upstream failed
 * mid-stream) the connection is cut instead, so the client sees a broken response rather
 * than a truncated one that looks complete.
 */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  options: { head?: boolean; headers?: Record<string, string> } = {},
): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...options.headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(options.head ? undefined : text);
}
