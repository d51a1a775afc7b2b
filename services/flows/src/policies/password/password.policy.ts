import type { HibpRangeClient } from './hibp-range.client.js';
import { estimatePasswordStrength } from './password-strength.estimator.js';

export interface PasswordPolicySettings {
  /** Key in the prompt data that holds the password. */
  password_field: string;
  amount_uppercase: number;
  amount_lowercase: number;
  amount_digits: number;
  amount_symbols: number;
  /** Fewest characters (Unicode code points) a password may have. */
  length_min: number;
  /** Characters that count as symbols. */
  symbol_charset: string;
  /** Shown when the static rules fail; when empty, each failed rule is named instead. */
  error_message: string;
  check_static_rules: boolean;
  check_have_i_been_pwned: boolean;
  check_zxcvbn: boolean;
  /** A password seen in breaches more often than this fails. */
  hibp_allowed_count: number;
  /** 0..4; a zxcvbn score at or below it fails. */
  zxcvbn_score_threshold: number;
}

export interface PasswordCheckResult {
  passing: boolean;
  messages: string[];
}

export interface PasswordPolicyDependencies {
  hibp: HibpRangeClient;
}

export const DEFAULT_PASSWORD_POLICY_SETTINGS: Readonly<PasswordPolicySettings> = Object.freeze({
  password_field: 'password',
  amount_uppercase: 0,
  amount_lowercase: 0,
  amount_digits: 0,
  amount_symbols: 0,
  length_min: 0,
  symbol_charset: '!\\"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~ ',
  error_message: '',
  check_static_rules: true,
  check_have_i_been_pwned: true,
  check_zxcvbn: false,
  hibp_allowed_count: 0,
  zxcvbn_score_threshold: 2,
});

// The same cap, counted the same way (UTF-16 units), as the password hasher in @authmesh/crypto.
const MAX_PASSWORD_LENGTH = 1024;

/** The password the user entered, read from prompt data under `password_field`; undefined unless it is a string. */
export function passwordFromPromptData(
  settings: Pick<PasswordPolicySettings, 'password_field'>,
  promptData: Record<string, unknown>,
): string | undefined {
  const value = promptData[settings.password_field];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Decides whether `password` may be used. Checks run cheapest first (static rules, zxcvbn, then
 * the remote breach check) and stop at the first that fails. Missing input, misconfigured
 * settings and a breach check that cannot be completed all fail.
 */
export async function evaluatePasswordPolicy(
  settings: PasswordPolicySettings,
  password: string | undefined,
  deps: PasswordPolicyDependencies,
  userInputs: string[] = [],
): Promise<PasswordCheckResult> {
  if (typeof password !== 'string' || password === '') return failing('No password given.');
  if (password.length > MAX_PASSWORD_LENGTH) return failing(`Passwords may not be longer than ${MAX_PASSWORD_LENGTH} characters.`);
  if (!hasValidLimits(settings)) return failing('The password policy is misconfigured, so no password can pass it.');

  if (settings.check_static_rules) {
    const broken = brokenStaticRules(settings, password);
    if (broken.length > 0) return settings.error_message ? failing(settings.error_message) : failing(...broken);
  }
  if (settings.check_zxcvbn) {
    const weakness = await strengthProblems(settings, password, userInputs);
    if (weakness.length > 0) return failing(...weakness);
  }
  if (settings.check_have_i_been_pwned) {
    const breach = await breachProblems(settings, password, deps.hibp);
    if (breach.length > 0) return failing(...breach);
  }
  return { passing: true, messages: [] };
}

function failing(...messages: string[]): PasswordCheckResult {
  return { passing: false, messages };
}

// NaN or a negative limit would make every comparison below false, which would let anything pass.
function hasValidLimits(settings: PasswordPolicySettings): boolean {
  const counts = [
    settings.amount_uppercase,
    settings.amount_lowercase,
    settings.amount_digits,
    settings.amount_symbols,
    settings.length_min,
  ];
  const threshold = settings.zxcvbn_score_threshold;
  return (
    [...counts, settings.hibp_allowed_count].every((n) => Number.isSafeInteger(n) && n >= 0) &&
    Number.isInteger(threshold) &&
    threshold >= 0 &&
    threshold <= 4 &&
    typeof settings.symbol_charset === 'string'
  );
}

function brokenStaticRules(settings: PasswordPolicySettings, password: string): string[] {
  const symbols = new Set(settings.symbol_charset);
  const counts = { length: 0, uppercase: 0, lowercase: 0, digits: 0, symbols: 0 };
  for (const char of password) {
    counts.length++;
    if (/\p{Lu}/u.test(char)) counts.uppercase++;
    if (/\p{Ll}/u.test(char)) counts.lowercase++;
    if (/\p{Nd}/u.test(char)) counts.digits++;
    if (symbols.has(char)) counts.symbols++;
  }
  const rules: [have: number, need: number, one: string, many: string][] = [
    [counts.length, settings.length_min, 'character', 'characters'],
    [counts.uppercase, settings.amount_uppercase, 'uppercase letter', 'uppercase letters'],
    [counts.lowercase, settings.amount_lowercase, 'lowercase letter', 'lowercase letters'],
    [counts.digits, settings.amount_digits, 'digit', 'digits'],
    [counts.symbols, settings.amount_symbols, `symbol (one of ${settings.symbol_charset})`, `symbols (from ${settings.symbol_charset})`],
  ];
  return rules
    .filter(([have, need]) => have < need)
    .map(([, need, one, many]) => `The password needs at least ${need} ${need === 1 ? one : many}.`);
}

async function strengthProblems(settings: PasswordPolicySettings, password: string, userInputs: string[]): Promise<string[]> {
  let strength;
  try {
    strength = await estimatePasswordStrength(password, userInputs);
  } catch {
    return ['The password strength could not be checked.'];
  }
  if (strength.score > settings.zxcvbn_score_threshold) return [];
  const reason = strength.warning ? ` ${strength.warning}` : '';
  return [`The password is too easy to guess.${reason}`, ...strength.suggestions];
}

async function breachProblems(settings: PasswordPolicySettings, password: string, hibp: HibpRangeClient): Promise<string[]> {
  let seen: number;
  try {
    seen = await hibp.count(password);
  } catch {
    return [
      'The check against breached passwords could not be completed, so the password cannot be accepted right now. Please try again later.',
    ];
  }
  if (seen <= settings.hibp_allowed_count) return [];
  return [`This password has appeared in known data breaches (${seen} times) and cannot be used.`];
}
