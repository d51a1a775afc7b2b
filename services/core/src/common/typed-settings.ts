import type { z } from 'zod';
import type { SecretBox } from '@authmesh/crypto';
import { parseOrThrow } from '@authmesh/http';
import { ValidationFailedError } from '@authmesh/runtime';

/** A pluggable kind (stage type, policy type) whose own settings are stored as JSON. */
export interface SettingsType {
  settings: z.ZodObject;
  /** Settings that are secrets: write-only in the API, sealed at rest, opened only for a runtime. */
  secrets?: readonly string[];
  /** Rules across several settings, checked on the merged result; answers field → messages. */
  check?: (settings: Record<string, unknown>) => Record<string, string[]>;
}

/** Where sealed secrets live inside a stored config, apart from the plain settings. */
const SEALED = '$sealed';

type StoredConfig = Record<string, unknown> & { [SEALED]?: Record<string, string> };

/**
 * Merges validated input into a stored config: plain settings replace, secrets are sealed
 * (an absent or empty secret keeps the stored one), and cross-field rules run on the result.
 */
export function mergeSettings(type: SettingsType, stored: StoredConfig, input: Record<string, unknown>, box: SecretBox): StoredConfig {
  const secrets = new Set(type.secrets ?? []);
  const sealed = { ...(stored[SEALED] ?? {}) };
  const plain: Record<string, unknown> = { ...withoutSealed(stored) };
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (secrets.has(key)) {
      if (typeof value === 'string' && value !== '') sealed[key] = box.seal(value);
    } else plain[key] = value;
  }
  const merged = parseOrThrow(plainSchema(type), plain) as Record<string, unknown>;
  const problems = type.check?.({ ...merged, ...Object.fromEntries(Object.keys(sealed).map((k) => [k, '(set)'])) }) ?? {};
  if (Object.keys(problems).length > 0) throw new ValidationFailedError(problems);
  return Object.keys(sealed).length > 0 ? { ...merged, [SEALED]: sealed } : merged;
}

/** The settings as the API shows them: defaults filled in, secrets left out. */
export function publicSettings(type: SettingsType, stored: StoredConfig): Record<string, unknown> {
  const settings = plainSchema(type).safeParse(withoutSealed(stored));
  const shown: Record<string, unknown> = settings.success ? { ...settings.data } : withoutSealed(stored);
  return shown;
}

/** The settings a runtime needs: defaults filled in and secrets opened. */
export function runtimeSettings(type: SettingsType, stored: StoredConfig, box: SecretBox): Record<string, unknown> {
  const shown = publicSettings(type, stored);
  for (const [key, value] of Object.entries(stored[SEALED] ?? {})) shown[key] = box.open(value);
  return shown;
}

/** The settings schema without its secrets, which are validated on input and then kept sealed. */
function plainSchema(type: SettingsType): z.ZodObject {
  const secrets = type.secrets ?? [];
  return secrets.length === 0
    ? type.settings
    : type.settings.omit(Object.fromEntries(secrets.map((key) => [key, true])) as Record<string, true> & Record<number, never>);
}

function withoutSealed(stored: StoredConfig): Record<string, unknown> {
  const { [SEALED]: _sealed, ...plain } = stored;
  return plain;
}
