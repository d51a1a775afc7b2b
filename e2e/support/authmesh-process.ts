import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const REPO = join(__dirname, '..', '..');
export const AUTHMESH_BIN = join(REPO, 'node_modules', '.bin', 'authmesh');

export interface AuthmeshProcess {
  child: ChildProcess;
  baseUrl: string;
  output(): string;
  /** Sends SIGTERM and resolves with the exit code and how long the stop took. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
  exited: Promise<number | null>;
  /** The gRPC address of the process, when started by startOnFreePorts. */
  grpcAddress?: string;
}

/** Runs `authmesh <args>` the way a user would, with only the given environment on top of PATH/HOME. */
export function runAuthmesh(args: string[], env: Record<string, string>, cwd: string, httpPort?: number): AuthmeshProcess {
  const child = spawn(AUTHMESH_BIN, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    baseUrl: `http://127.0.0.1:${httpPort ?? 0}`,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM') {
      const started = Date.now();
      if (child.exitCode === null) child.kill(signal);
      const code = await exited;
      return { code, ms: Date.now() - started };
    },
  };
}

/** Waits until `GET <baseUrl>/-/health/ready/` answers 200, or fails with the process output. */
export async function waitReady(proc: AuthmeshProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`authmesh exited (${proc.child.exitCode}):\n${proc.output().slice(-4000)}`);
    try {
      const res = await fetch(`${proc.baseUrl}/-/health/ready/`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`authmesh did not become ready:\n${proc.output().slice(-4000)}`);
}

/** A tiny API client for tests. */
export function apiClient(baseUrl: string, token: string) {
  return async (method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
}

/** Starts `authmesh start` (all services) on free loopback ports and waits until it is ready. */
export async function startOnFreePorts(env: Record<string, string>, cwd: string): Promise<AuthmeshProcess> {
  const { freePort } = await import('@authmesh/testing');
  const [http, grpc, metrics] = [await freePort(), await freePort(), await freePort()];
  const proc = runAuthmesh(
    ['start'],
    {
      ...env,
      AUTHMESH_LISTEN_HTTP: `127.0.0.1:${http}`,
      AUTHMESH_LISTEN_GRPC: `127.0.0.1:${grpc}`,
      AUTHMESH_LISTEN_METRICS: `127.0.0.1:${metrics}`,
    },
    cwd,
    http,
  );
  await waitReady(proc);
  proc.grpcAddress = `127.0.0.1:${grpc}`;
  return proc;
}

/** Polls readiness until it answers `status`; resolves with the last status seen. */
export async function readinessBecomes(baseUrl: string, status: number, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let seen = 0;
  while (Date.now() < deadline) {
    seen = (await fetch(`${baseUrl}/-/health/ready/`).catch(() => ({ status: 0 }))).status;
    if (seen === status) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return seen;
}
