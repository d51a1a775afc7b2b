import type { IncomingMessage, ServerResponse } from 'node:http';
import { LIVE_PATH, READY_PATH, type ReadinessProbe } from '@authmesh/runtime';
import { sendJson } from './json-response.js';

/**
 * Answers `/-/health/live/` (always 200 while the process runs) and `/-/health/ready/`
 * (200 or 503 with the per-service checks), with or without the trailing slash, for GET
 * and HEAD. Returns false when `path` is not a health path.
 */
export function serveHealth(request: IncomingMessage, response: ServerResponse, path: string, readiness: ReadinessProbe): boolean {
  const normalized = path.endsWith('/') ? path : `${path}/`;
  if (normalized !== LIVE_PATH && normalized !== READY_PATH) return false;
  const head = request.method === 'HEAD';
  if (request.method !== 'GET' && !head) {
    sendJson(response, 405, { detail: 'Method not allowed.' }, { headers: { allow: 'GET, HEAD' } });
    return true;
  }
  if (normalized === LIVE_PATH) {
    sendJson(response, 200, { status: 'ok' }, { head });
    return true;
  }
  void readiness.check().then((report) => sendJson(response, report.ready ? 200 : 503, report, { head }));
  return true;
}
