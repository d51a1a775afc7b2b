import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '@authmesh/logger';
import { sendJson } from './json-response.js';

/** Where `npm run build` puts the web interface (web/dist), seen from services/gateway/{src,dist}. */
export const WEB_DIST_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/** The public prefix of the build's files; Vite's `base` says the same. */
export const STATIC_PREFIX = '/static/dist/';

/** The paths whose page is the single-page app. */
const INTERFACE_PREFIXES = ['/if/flow/', '/if/user/', '/if/admin/'];

/**
 * Captcha providers whose widget scripts and frames the captcha stage loads. Nothing else
 * outside this origin may run a script.
 */
const CAPTCHA_ORIGINS = [
  'https://www.google.com',
  'https://www.gstatic.com',
  'https://www.recaptcha.net',
  'https://js.hcaptcha.com',
  'https://*.hcaptcha.com',
  'https://challenges.cloudflare.com',
];

/**
 * The policy of the interface page. No inline scripts and no inline style elements:
 * PatternFly's stylesheets are files, and React sets style properties through the CSSOM,
 * which `style-src` does not govern. Images may come from https (brand logos, flow
 * backgrounds, Duo's activation barcode). The page may not be framed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' ${CAPTCHA_ORIGINS.join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  `frame-src ${CAPTCHA_ORIGINS.join(' ')}`,
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** A file Vite named after its content: `assets/<name>-<hash>.<ext>`. */
const HASHED = /^assets\/[^/]+-[\w-]{8}\.[a-z0-9]+$/i;

/** Headers every answer of the web interface carries. */
const COMMON_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin' };

/** How the gateway answers a web path; `false` when the path is not one. */
export type WebAnswer = 'page' | 'asset' | 'redirect' | false;

/**
 * Serves the built web interface: the SPA page for /if/flow/<slug>/, /if/user/ and
 * /if/admin/ (never cached, with a strict CSP), the hashed build files under /static/dist/
 * (cached for a year), and `/` → /if/user/. Other paths are not its business.
 */
export class WebAssets {
  private page?: Buffer;
  private warned = false;

  constructor(
    private readonly root: string,
    private readonly logger: Logger,
  ) {}

  serve(request: IncomingMessage, response: ServerResponse, path: string): WebAnswer {
    const isPage = path === '/' || INTERFACE_PREFIXES.some((p) => path.startsWith(p) || `${path}/` === p);
    const isAsset = path.startsWith(STATIC_PREFIX);
    if (!isPage && !isAsset) return false;
    const head = request.method === 'HEAD';
    if (request.method !== 'GET' && !head) {
      sendJson(response, 405, { detail: 'Method not allowed.' }, { headers: { allow: 'GET, HEAD' } });
      return isPage ? 'page' : 'asset';
    }
    if (path === '/' || INTERFACE_PREFIXES.includes(`${path}/`)) {
      const query = request.url?.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      response.writeHead(302, {
        location: path === '/' ? '/if/user/' : `${path}/${query}`,
        'cache-control': 'no-store',
        ...COMMON_HEADERS,
      });
      response.end();
      return 'redirect';
    }
    if (isPage) this.sendPage(response, head);
    else this.sendAsset(response, path.slice(STATIC_PREFIX.length), head);
    return isPage ? 'page' : 'asset';
  }

  private sendPage(response: ServerResponse, head: boolean): void {
    const page = this.indexHtml();
    if (!page) {
      sendJson(response, 503, { detail: 'The web interface is not built on this deployment (run `npm run build`).' });
      return;
    }
    response.writeHead(200, {
      ...COMMON_HEADERS,
      'content-type': 'text/html; charset=utf-8',
      'content-length': page.length,
      'cache-control': 'no-store',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-frame-options': 'DENY',
    });
    response.end(head ? undefined : page);
  }

  private sendAsset(response: ServerResponse, relative: string, head: boolean): void {
    let name: string;
    try {
      name = decodeURIComponent(relative);
    } catch {
      sendJson(response, 400, { detail: 'Bad request.' });
      return;
    }
    const file = resolve(this.root, name);
    const stat = file.startsWith(this.root + sep) && !name.includes('\0') ? statOrNull(file) : null;
    if (!stat?.isFile() || file === resolve(this.root, 'index.html')) {
      sendJson(response, 404, { detail: 'Not found.' }, { headers: COMMON_HEADERS });
      return;
    }
    response.writeHead(200, {
      ...COMMON_HEADERS,
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': stat.size,
      // Build files carry a content hash in their name (`name-<8 characters>.ext`), so they never change.
      'cache-control': HASHED.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (head) {
      response.end();
      return;
    }
    createReadStream(file)
      .on('error', () => response.destroy())
      .pipe(response);
  }

  /** The SPA page, read once; a missing build is looked for again on the next request. */
  private indexHtml(): Buffer | undefined {
    if (this.page) return this.page;
    try {
      this.page = readFileSync(resolve(this.root, 'index.html'));
    } catch {
      if (!this.warned) this.logger.warn({ root: this.root }, 'web interface not built: /if/ pages answer 503');
      this.warned = true;
    }
    return this.page;
  }
}

function statOrNull(file: string) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}
