/**
 * `!Env` reads only variables meant for blueprints, so a blueprint cannot copy secrets such
 * as AUTHMESH_SECRET_KEY or DATABASE_URL into objects. Allowed: AUTHMESH_BLUEPRINT_* and
 * AUTHMESH_BOOTSTRAP_*. The reference product's names (AUTHENTIK_*) are read as the
 * AUTHMESH_* variable of the same suffix, so its blueprints work unchanged.
 */
export const ENV_ALLOWED_PREFIXES = ['AUTHMESH_BLUEPRINT_', 'AUTHMESH_BOOTSTRAP_'] as const;

/** The variable `!Env name` reads, or null when blueprints may not read it. */
export function allowedEnvName(name: string): string | null {
  const ours = name.startsWith('AUTHENTIK_') ? `AUTHMESH_${name.slice('AUTHENTIK_'.length)}` : name;
  return ENV_ALLOWED_PREFIXES.some((p) => ours.startsWith(p)) ? ours : null;
}
