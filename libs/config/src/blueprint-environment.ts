/** Prefixes of environment variables blueprints may read with `!Env`. */
export const BLUEPRINT_ENV_PREFIXES = ['AUTHMESH_BLUEPRINT_', 'AUTHMESH_BOOTSTRAP_'] as const;

/**
 * The environment variables blueprints may read: only AUTHMESH_BLUEPRINT_* and
 * AUTHMESH_BOOTSTRAP_*, so no blueprint can copy a secret such as the secret key or the
 * database URL into an object.
 */
export function blueprintEnvironment(env: NodeJS.ProcessEnv = process.env): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([name]) => BLUEPRINT_ENV_PREFIXES.some((p) => name.startsWith(p))));
}
