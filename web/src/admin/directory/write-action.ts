import { action, type WriteResult } from '../kit/resource-api';

/** Runs a POST action and answers it the way forms expect (field errors beside fields). */
export async function postAction(path: string, body: unknown): Promise<WriteResult> {
  const result = await action('POST', path, body);
  if (result.ok) return { ok: true, row: (result.data ?? {}) as Record<string, unknown> };
  return { ok: false, status: result.status, errors: result.errors ?? {} };
}
