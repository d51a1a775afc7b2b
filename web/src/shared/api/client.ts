import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** The cookie the login stage sets for the UI; unsafe requests repeat it in X-CSRFToken. */
const CSRF_COOKIE = 'authmesh_csrf';

function cookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method === 'GET' || request.method === 'HEAD') return request;
    const token = cookie(CSRF_COOKIE);
    if (token) request.headers.set('X-CSRFToken', token);
    return request;
  },
};

/** The one client of the authmesh API, typed from the generated OpenAPI schema; cookies go along. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);

/** Why an API call failed, in a form the UI can show and retry. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }

  /** Network failures (status 0) and 5xx are worth retrying; 4xx are answers. */
  get retryable(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}
