import { api, ApiError } from '../../shared/api/client';
import type { paths } from '../../shared/api/schema';

/** A list endpoint of the API (`/api/v3/core/applications`), as the generated schema names it. */
export type ListPath = {
  [P in keyof paths]: P extends `${string}/{${string}}${string}` ? never : paths[P] extends { get: unknown } ? P : never;
}[keyof paths];

/** One object as the API answers it; each page reads the fields it shows. */
export type Row = Record<string, unknown>;

/** A page of a list answer (`{pagination, results}`). */
export interface Page {
  pagination: { count: number; current: number; total_pages: number; start_index: number; end_index: number };
  results: Row[];
}

/** What deleting an object does to another one, as `used_by` answers it. */
export interface UsedBy {
  app: string;
  model_name: string;
  pk: string;
  name: string;
  action: 'cascade' | 'cascade_many' | 'set_null' | 'set_default' | 'restrict' | string;
}

/** The outcome of a write: the saved object, or the API's field errors (`{"field": ["message"]}`). */
export type WriteResult = { ok: true; row: Row } | { ok: false; status: number; errors: Record<string, string[]> };

/**
 * The admin pages work on many endpoints with one set of components, so they reach the generated
 * client through path strings chosen from its schema (ListPath) rather than one typed call per page.
 */
type LooseCall = (
  path: string,
  init?: { params?: { path?: Record<string, string>; query?: Record<string, unknown> }; body?: unknown },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
const loose = api as unknown as { GET: LooseCall; POST: LooseCall; PATCH: LooseCall; DELETE: LooseCall };

/** The path of one object of a list endpoint. */
function itemPath(list: ListPath, key: string): string {
  return `${list}/${encodeURIComponent(key)}`;
}

function failure(response: Response, error: unknown): ApiError {
  const detail = (error as { detail?: unknown } | undefined)?.detail;
  return new ApiError(response.status, typeof detail === 'string' ? detail : response.statusText);
}

/** Calls the API, turning network failures into status 0. */
async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new ApiError(0, String(error));
  }
}

/** One page of a list endpoint. */
export async function listPage(list: ListPath, query: Record<string, string | number | undefined>): Promise<Page> {
  const { data, error, response } = await call(() => loose.GET(list, { params: { query } }));
  if (!response.ok) throw failure(response, error);
  return data as Page;
}

/** One object. */
export async function retrieve(list: ListPath, key: string): Promise<Row> {
  const { data, error, response } = await call(() => loose.GET(itemPath(list, key)));
  if (!response.ok) throw failure(response, error);
  return data as Row;
}

/** The field errors of a 400 answer, or one general message under `non_field_errors`. */
export function fieldErrors(status: number, error: unknown): Record<string, string[]> {
  if (status === 400 && error && typeof error === 'object') {
    const errors: Record<string, string[]> = {};
    for (const [field, messages] of Object.entries(error)) {
      if (Array.isArray(messages)) errors[field] = messages.map(String);
      else if (typeof messages === 'string') errors[field] = [messages];
    }
    if (Object.keys(errors).length > 0) return errors;
  }
  const detail = (error as { detail?: unknown } | undefined)?.detail;
  return { non_field_errors: [typeof detail === 'string' ? detail : `HTTP ${status}`] };
}

async function write(run: () => Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<WriteResult> {
  let result;
  try {
    result = await run();
  } catch (error) {
    return { ok: false, status: 0, errors: { non_field_errors: [String(error)] } };
  }
  if (result.response.ok) return { ok: true, row: (result.data ?? {}) as Row };
  return { ok: false, status: result.response.status, errors: fieldErrors(result.response.status, result.error) };
}

/** Creates an object. */
export function create(list: ListPath, body: Row): Promise<WriteResult> {
  return write(() => loose.POST(list, { body }));
}

/** Changes the given fields of an object. */
export function update(list: ListPath, key: string, body: Row): Promise<WriteResult> {
  return write(() => loose.PATCH(itemPath(list, key), { body }));
}

/** Deletes an object. */
export async function remove(list: ListPath, key: string): Promise<void> {
  const { error, response } = await call(() => loose.DELETE(itemPath(list, key)));
  if (!response.ok) throw failure(response, error);
}

/** What else deleting an object touches; empty when the endpoint does not tell. */
export async function usedBy(list: ListPath, key: string): Promise<UsedBy[]> {
  const { data, response } = await call(() => loose.GET(`${itemPath(list, key)}/used_by`));
  if (!response.ok) return [];
  return Array.isArray(data) ? (data as UsedBy[]) : [];
}

/** Runs an action on an object or a list (`POST …/<pk>/<action>/`, `GET …/<action>/`). */
export async function action(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ ok: boolean; status: number; data: unknown; errors?: Record<string, string[]> }> {
  const run = method === 'GET' ? loose.GET : loose.POST;
  const { data, error, response } = await call(() => run(path, body === undefined ? undefined : { body }));
  return response.ok
    ? { ok: true, status: response.status, data }
    : { ok: false, status: response.status, data: error, errors: fieldErrors(response.status, error) };
}
