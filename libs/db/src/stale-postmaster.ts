import { existsSync, readFileSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@authmesh/logger';

/** What the pid in a postmaster.pid file refers to now. */
type PostmasterState =
  /** No such process: the file is left over from a crash. */
  | 'gone'
  /** A live process that is not this cluster's server: the pid was reused. */
  | 'reused'
  /** This cluster's server, whose parent is gone (a previous authmesh was killed). */
  | 'orphaned'
  /** This cluster's server under a live parent, or we cannot tell. */
  | 'running';

/**
 * Clears the way for a new server in `pgDir`: removes a postmaster.pid left by a crash
 * (PostgreSQL refuses to start when its pid now belongs to another process, common in
 * containers) and stops a server orphaned when an earlier authmesh was killed. Throws
 * when the cluster is in use by a live process.
 */
export async function clearStalePostmaster(pgDir: string, logger: Logger): Promise<void> {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  const state = Number.isInteger(pid) && pid > 0 ? postmasterState(pid, pgDir) : 'gone';
  switch (state) {
    case 'gone':
    case 'reused':
      logger.warn({ pid }, 'removing stale postmaster.pid left by an earlier run');
      rmSync(pidFile, { force: true });
      return;
    case 'orphaned':
      logger.warn({ pid }, 'stopping embedded PostgreSQL left running by an earlier run');
      await stopOrphan(pid);
      rmSync(pidFile, { force: true });
      return;
    case 'running':
      throw new Error(`embedded PostgreSQL in ${pgDir} is already running (pid ${pid}); is another authmesh using this data directory?`);
  }
}

function postmasterState(pid: number, pgDir: string): PostmasterState {
  if (!processExists(pid)) return 'gone';
  const stat = readProc(pid, 'stat');
  const cmdline = readProc(pid, 'cmdline');
  // Without /proc (not Linux) we cannot tell a reused pid from a live server: assume live.
  if (stat === null || cmdline === null) return 'running';
  const { state, ppid } = parseStat(stat);
  if (state === 'Z') return 'gone';
  if (!isServerFor(cmdline.split('\0'), pgDir)) return 'reused';
  return parentIsAuthmeshRuntime(ppid) ? 'running' : 'orphaned';
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

/** State and parent pid from /proc/<pid>/stat; the command name in parentheses may contain spaces. */
function parseStat(stat: string): { state: string; ppid: number } {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0] ?? '', ppid: Number(fields[1]) };
}

/** Whether a command line is a PostgreSQL server started with `-D pgDir`. */
function isServerFor(argv: string[], pgDir: string): boolean {
  const executable = argv[0] ?? '';
  if (!executable.endsWith('postgres')) return false;
  const dataDirArg = argv[argv.indexOf('-D') + 1];
  return argv.includes('-D') && dataDirArg !== undefined && samePath(dataDirArg, pgDir);
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/**
 * A server whose parent runs the same runtime as we do belongs to a live authmesh (or a
 * test process); any other parent (init, a container's reaper) means it was orphaned.
 */
function parentIsAuthmeshRuntime(ppid: number): boolean {
  if (ppid <= 1) return false;
  try {
    return realpathSync(readlinkSync(`/proc/${ppid}/exe`)) === realpathSync(process.execPath);
  } catch {
    return false;
  }
}

/** Asks an orphaned server for a fast shutdown and waits until it is gone. */
async function stopOrphan(pid: number, timeoutMs = 30_000): Promise<void> {
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (processExists(pid) && parseStat(readProc(pid, 'stat') ?? '').state !== 'Z') {
    if (Date.now() > deadline) throw new Error(`the orphaned PostgreSQL server (pid ${pid}) did not stop within ${timeoutMs / 1000}s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
