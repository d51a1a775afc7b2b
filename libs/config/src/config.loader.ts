import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { configSchema, ENV_NAMES, LIST_KEYS, type AuthmeshConfig } from './config.schema.js';

/** Raised when configuration is missing or invalid; the message names every bad key. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  /** Path of a YAML file; defaults to AUTHMESH_CONFIG_FILE. */
  file?: string;
}

const KEY_BY_ENV = new Map(Object.entries(ENV_NAMES).map(([key, env]) => [env, key as keyof AuthmeshConfig]));

/**
 * Reads configuration from defaults, then the optional YAML file, then environment
 * variables, and validates the result. Unknown AUTHMESH_* variables and unknown YAML keys
 * are errors, so a typo never silently falls back to a default.
 */
export function loadConfig(options: LoadConfigOptions = {}): AuthmeshConfig {
  const env = options.env ?? process.env;
  const problems: string[] = [];
  const raw: Record<string, unknown> = {};
  const origin = new Map<string, string>();

  const file = options.file ?? env.AUTHMESH_CONFIG_FILE;
  if (file) {
    let parsed: unknown;
    try {
      parsed = parseYaml(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ConfigError([`${file}: cannot read YAML (${(error as Error).message.split('\n')[0]})`]);
    }
    if (parsed !== null && parsed !== undefined) {
      if (typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new ConfigError([`${file}: expected a mapping of configuration keys`]);
      }
      for (const [key, value] of Object.entries(parsed)) {
        raw[key] = value;
        origin.set(key, `${file}: ${key}`);
      }
    }
  }

  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value === '') continue;
    const key = KEY_BY_ENV.get(name);
    if (!key) {
      if (name.startsWith('AUTHMESH_') && name !== 'AUTHMESH_CONFIG_FILE' && !name.startsWith('AUTHMESH_BLUEPRINT_')) {
        problems.push(`${name}: unknown setting (see the configuration reference in docs/configuration.md)`);
      }
      continue;
    }
    raw[key] = LIST_KEYS.has(key)
      ? value
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean)
      : value;
    origin.set(key, name);
  }

  const result = configSchema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) problems.push(`${origin.get(key) ?? key}: unknown setting`);
        continue;
      }
      const key = String(issue.path[0] ?? '');
      const where = origin.get(key) ?? ENV_NAMES[key as keyof AuthmeshConfig] ?? key;
      problems.push(`${where}: ${issue.message}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const config = result.data as AuthmeshConfig;
  if (config.env === 'production' && !config.secret_key) {
    throw new ConfigError([`${ENV_NAMES.secret_key}: required when ${ENV_NAMES.env}=production`]);
  }
  return config;
}
