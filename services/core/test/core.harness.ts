import { request as httpRequest } from 'node:http';
import { Writable } from 'node:stream';
import pg from 'pg';
import { InProcessBus, type Bus } from '@authmesh/bus';
import { loadConfig } from '@authmesh/config';
import { createLogger } from '@authmesh/logger';
import { GrpcHost } from '@authmesh/rpc';
import { createTestDatabase, startServiceForTest } from '@authmesh/testing';
import { deriveMeshKey, type RunningService } from '@authmesh/runtime';
import { coreService } from '../src/index.js';

export const BOOTSTRAP_TOKEN = 'test-bootstrap-token-0123456789abcdef';
export const BOOTSTRAP_PASSWORD = 'correct horse battery staple';
const SECRET = 'test-secret-key-which-is-long-enough-0123456789';

export interface CoreHarness {
  baseUrl: string;
  bus: Bus;
  grpcAddress: string;
  meshKey: string;
  running: RunningService;
  /** Runs SQL against core's database directly (for setup and at-rest checks). */
  sql(text: string, params?: unknown[]): Promise<any[]>;
  /** Calls the API with the bootstrap token unless `token` says otherwise (null: no header). */
  api(
    method: string,
    path: string,
    body?: unknown,
    token?: string | null,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** Starts core against a fresh database with the in-process bus, serving on loopback. */
export async function startCore(extraEnv: Record<string, string> = {}): Promise<CoreHarness> {
  const db = await createTestDatabase();
  const config = loadConfig({
    env: {
      DATABASE_URL: db.url,
      AUTHMESH_SECRET_KEY: SECRET,
      AUTHMESH_BOOTSTRAP_TOKEN: BOOTSTRAP_TOKEN,
      AUTHMESH_BOOTSTRAP_PASSWORD: BOOTSTRAP_PASSWORD,
      AUTHMESH_BOOTSTRAP_EMAIL: 'admin@example.com',
      AUTHMESH_API_DOCS: 'false',
      ...extraEnv,
    },
  });
  const logger = createLogger({
    level: process.env.HARNESS_LOG ?? 'warn',
    destination: process.env.HARNESS_LOG ? process.stderr : new Writable({ write: (_c, _e, done) => done() }),
  });
  const bus = new InProcessBus({ logger });
  const meshKey = deriveMeshKey(SECRET);
  const grpc = new GrpcHost({ meshKey, logger });
  const grpcPort = await grpc.start('127.0.0.1:0');
  const grpcAddress = `127.0.0.1:${grpcPort}`;
  const core = await startServiceForTest(coreService, { config, secretKey: SECRET, logger, bus, grpc, grpcAddress, databaseUrl: db.url });
  const { running, baseUrl } = core;
  return {
    baseUrl,
    bus,
    grpcAddress,
    meshKey,
    running,
    async sql(text, params) {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        return (await client.query(text, params as unknown[])).rows;
      } finally {
        await client.end();
      }
    },
    async api(method, path, body, token = BOOTSTRAP_TOKEN, extraHeaders = {}) {
      const headers: Record<string, string> = { ...extraHeaders };
      if (token !== null) headers.authorization = `Bearer ${token}`;
      let payload: string | undefined;
      if (body !== undefined) {
        headers['content-type'] = 'application/json';
        payload = typeof body === 'string' ? body : JSON.stringify(body);
      }
      // fetch() may not set Host, so requests naming a host go through node:http.
      if (headers.host) return rawRequest(`${baseUrl}${path}`, method, headers, payload);
      const response = await fetch(`${baseUrl}${path}`, { method, headers, body: payload });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    async close() {
      await core.close();
      await grpc.stop(500);
      await bus.close();
      await db.drop();
    },
  };
}

function rawRequest(url: string, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
