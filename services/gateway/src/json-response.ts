import type { ServerResponse } from 'node:http';

/** Writes a small JSON answer unless headers were already sent. */
export function sendJson(response: ServerResponse, status: number, body: unknown, head = false): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(head ? undefined : text);
}
