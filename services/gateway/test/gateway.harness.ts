import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { Registry } from 'prom-client';
import type { Bus } from '@authmesh/bus';
import { configSchema, type ServiceName } from '@authmesh/config';
import { createLogger, type Logger } from '@authmesh/logger';
import type { GrpcHost } from '@authmesh/rpc';
import type { ReadinessReport, RunningService, ServiceContext } from '@authmesh/runtime';

/** A logger that writes nowhere. */
export const silentLogger = createLogger({ level: 'fatal', destination: new Writable({ write: (_c, _e, done) => done() }) });

/** A debug logger whose lines (and raw text) the test can read. */
export function capturingLogger(): { logger: Logger; lines: Record<string, any>[]; text: () => string } {
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      raw.push(chunk.toString());
      done();
    },
  });
  return {
    logger: createLogger({ level: 'debug', destination }),
    get lines() {
      return raw.map((line) => JSON.parse(line));
    },
    text: () => raw.join(''),
  };
}

/** A handler that answers with what it received, so a test can see what was forwarded. */
export const echo =
  (name: string): RequestListener =>
  (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          service: name,
          method: req.method,
          url: req.url,
          headers: req.headers,
          rawHeaders: req.rawHeaders,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
  };

export interface Served {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Serves `handler` on an ephemeral loopback port. */
export function serve(handler: RequestListener): Promise<Served> {
  const server = createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      }),
    ),
  );
}

/** A URL on loopback where nothing listens (a port that was just freed). */
export async function deadUrl(): Promise<string> {
  const served = await serve(() => undefined);
  await served.close();
  return served.url;
}

/** A started service whose readiness the test controls. */
export function fakeService(name: ServiceName, options: { handler?: RequestListener; ready?: () => boolean } = {}): RunningService {
  return {
    name,
    http: options.handler ? { prefixes: [], handler: options.handler } : undefined,
    readiness: async (): Promise<ReadinessReport> => ({ ready: options.ready?.() ?? true, checks: {} }),
    stop: async () => undefined,
  };
}

/** The context the runner would pass, with only what the gateway uses filled in. */
export function fakeContext(options: {
  local?: Map<ServiceName, RunningService>;
  http?: Partial<Record<ServiceName, string>>;
  trusted?: string[];
  logger?: Logger;
  metrics?: Registry;
}): ServiceContext {
  return {
    config: configSchema.parse({ trusted_proxy_cidrs: options.trusted ?? ['127.0.0.0/8', '::1/128'] }),
    secretKey: 'test-secret-key-that-is-long-enough-0123456789',
    meshKey: 'mesh',
    logger: options.logger ?? silentLogger,
    // The gateway never touches the bus or the gRPC host; any use would throw here.
    bus: {} as unknown as Bus,
    grpc: {} as unknown as GrpcHost,
    databaseUrl: '',
    addresses: { grpc: () => '127.0.0.1:1', http: (service) => options.http?.[service] },
    metrics: options.metrics ?? new Registry(),
    version: 'test',
    local: options.local ?? new Map(),
  };
}

/** Sends `path` exactly as written (fetch would normalise dot segments away); resolves with the status. */
export function rawGet(baseUrl: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${baseUrl}/`, { path }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The JSON body of a response, loosely typed: tests read whichever fields they assert on. */
export async function readJson(response: Response): Promise<any> {
  return response.json();
}
