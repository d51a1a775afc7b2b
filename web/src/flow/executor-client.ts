import { api, ApiError } from '../shared/api/client';
import type { Challenge } from './challenge';

/** Talks to /api/v3/flows/executor/<slug>/ for one flow, carrying the query it was opened with. */
export class ExecutorClient {
  constructor(
    readonly slug: string,
    /** The page's query string without `?` (e.g. `next=%2Fif%2Fuser%2F`). */
    readonly query: string,
  ) {}

  /** The current challenge. */
  get(): Promise<Challenge> {
    return this.call(() => api.GET('/api/v3/flows/executor/{slug}', { params: this.params() }));
  }

  /** Answers the current challenge; an accepted answer is redirected to the next challenge by the browser. */
  post(answer: Record<string, unknown>): Promise<Challenge> {
    return this.call(() => api.POST('/api/v3/flows/executor/{slug}', { params: this.params(), body: answer }));
  }

  private params() {
    return { path: { slug: this.slug }, query: this.query ? { query: this.query } : {} };
  }

  private async call(request: () => Promise<{ data?: Challenge; error?: unknown; response: Response }>): Promise<Challenge> {
    let result: Awaited<ReturnType<typeof request>>;
    try {
      result = await request();
    } catch (error) {
      throw new ApiError(0, error instanceof Error ? error.message : String(error));
    }
    const { data, error, response } = result;
    if (response.ok && data && typeof data.component === 'string') return data;
    const detail = (error as { detail?: unknown } | undefined)?.detail;
    throw new ApiError(response.ok ? 502 : response.status, typeof detail === 'string' ? detail : response.statusText);
  }
}
