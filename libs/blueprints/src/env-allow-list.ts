import { BLUEPRINT_ENV_PREFIXES } from '@authmesh/config';

/**
 * `!Env` reads only variables meant for blueprints, so a blueprint cannot copy secrets such
 * as AUTHMESH_SECRET_KEY or DATABASE_URL into objects. Allowed: AUTHMESH_BLUEPRINT_* and
 * AUTHMESH_BOOTSTRAP_*. The reference product's names (AUTHENTIK_*) are read as the
 * AUTHMESH_* variable of the same suffix, so its blueprints work unchanged.
 */

/** The variable `!Env name` reads, or null when blueprints may not read it. */
export function allowedEnvName(name: string): string | null {
  const ours = name.startsWith('AUTHENTIK_') ? `AUTHMESH_${name.slice('AUTHENTIK_'.length)}` : name;
  return BLUEPRINT_ENV_PREFIXES.some((p) => ours.startsWith(p)) ? ours : null;
}
