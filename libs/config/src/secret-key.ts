import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuthmeshConfig } from './config.schema.js';

export interface SecretKeyResult {
  key: string;
  /** True when the key was read from or written to the data directory. */
  fromDataDir: boolean;
  generated: boolean;
}

/**
 * Returns the configured secret key or, when none is configured, the one kept in
 * `<data_dir>/secret.key`, creating it on first use. Every process of one installation
 * must see the same key, so production setups configure it explicitly.
 */
export function resolveSecretKey(config: AuthmeshConfig): SecretKeyResult {
  if (config.secret_key) return { key: config.secret_key, fromDataDir: false, generated: false };
  const path = join(config.data_dir, 'secret.key');
  try {
    const key = readFileSync(path, 'utf8').trim();
    if (key.length >= 32) return { key, fromDataDir: true, generated: false };
  } catch {
    // absent: generate below
  }
  mkdirSync(config.data_dir, { recursive: true });
  const key = randomBytes(48).toString('base64url');
  writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'w' });
  return { key, fromDataDir: true, generated: true };
}
