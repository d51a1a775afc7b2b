import { createHash } from 'node:crypto';
import { OutboundClient } from '@authmesh/outbound';
import { startHibpRangeServer, type HibpRangeServer } from '../../../test/hibp-range-server.js';
import { HibpRangeClient } from './hibp-range.client.js';
import { estimatePasswordStrength } from './password-strength.estimator.js';
import {
  DEFAULT_PASSWORD_POLICY_SETTINGS,
  evaluatePasswordPolicy,
  passwordFromPromptData,
  type PasswordPolicyDependencies,
  type PasswordPolicySettings,
} from './password.policy.js';

const NO_CHECKS: PasswordPolicySettings = {
  ...DEFAULT_PASSWORD_POLICY_SETTINGS,
  check_static_rules: false,
  check_have_i_been_pwned: false,
  check_zxcvbn: false,
};

/** A breach client that must never be asked; the policy is expected to decide before it. */
function unusedHibp(): PasswordPolicyDependencies & { count: jest.Mock } {
  const count = jest.fn(async () => 0);
  return { hibp: { count } as unknown as HibpRangeClient, count };
}

const loopbackClient = () => new OutboundClient({ allowedNetworks: ['127.0.0.1/32'], timeoutMs: 2_000 });
const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex').toUpperCase();

describe('evaluatePasswordPolicy: input', () => {
  it('refuses a missing or empty password without running any check', async () => {
    const deps = unusedHibp();
    const settings = { ...DEFAULT_PASSWORD_POLICY_SETTINGS, check_zxcvbn: true };
    for (const password of [undefined, '']) {
      const result = await evaluatePasswordPolicy(settings, password, deps);
      expect(result).toEqual({ passing: false, messages: ['No password given.'] });
    }
    expect(deps.count).not.toHaveBeenCalled();
  });

  it('refuses a 1 MB password before any check, and never hashes it', async () => {
    const server = await startHibpRangeServer({});
    try {
      const hibp = new HibpRangeClient(server.url, loopbackClient());
      const count = jest.spyOn(hibp, 'count');
      const settings = { ...DEFAULT_PASSWORD_POLICY_SETTINGS, check_zxcvbn: true };
      const result = await evaluatePasswordPolicy(settings, 'Aa1!'.repeat(256 * 1024), { hibp });
      expect(result.passing).toBe(false);
      expect(result.messages).toEqual(['Passwords may not be longer than 1024 characters.']);
      expect(count).not.toHaveBeenCalled();
      expect(server.requests).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('accepts exactly 1024 characters and refuses 1025', async () => {
    const deps = unusedHibp();
    expect((await evaluatePasswordPolicy(NO_CHECKS, 'x'.repeat(1024), deps)).passing).toBe(true);
    expect((await evaluatePasswordPolicy(NO_CHECKS, 'x'.repeat(1025), deps)).passing).toBe(false);
  });

  it('passes when no check is enabled', async () => {
    expect(await evaluatePasswordPolicy(NO_CHECKS, 'x', unusedHibp())).toEqual({ passing: true, messages: [] });
  });

  it('refuses every password when the settings are malformed', async () => {
    const deps = unusedHibp();
    for (const broken of [{ amount_digits: Number.NaN }, { length_min: -1 }, { hibp_allowed_count: 1.5 }, { zxcvbn_score_threshold: 5 }]) {
      const result = await evaluatePasswordPolicy({ ...NO_CHECKS, ...broken }, 'a perfectly fine password', deps);
      expect(result.passing).toBe(false);
    }
  });
});

describe('evaluatePasswordPolicy: static rules', () => {
  const staticOnly = (rules: Partial<PasswordPolicySettings>): PasswordPolicySettings => ({
    ...NO_CHECKS,
    check_static_rules: true,
    ...rules,
  });

  it.each([
    ['length_min', { length_min: 8 }, 'Abc1!xy', 'Abc1!xyz'],
    ['amount_uppercase', { amount_uppercase: 2 }, 'Abcdef', 'ABcdef'],
    ['amount_lowercase', { amount_lowercase: 2 }, 'ABCDEf', 'ABCDef'],
    ['amount_digits', { amount_digits: 2 }, 'abcde1', 'abcd12'],
    ['amount_symbols', { amount_symbols: 2 }, 'abcde!', 'abcd!?'],
  ])('enforces %s', async (_rule, rules, tooFew, enough) => {
    const settings = staticOnly(rules);
    const deps = unusedHibp();
    expect(await evaluatePasswordPolicy(settings, tooFew, deps)).toMatchObject({ passing: false });
    expect(await evaluatePasswordPolicy(settings, enough, deps)).toEqual({ passing: true, messages: [] });
  });

  it('counts only the characters of symbol_charset as symbols', async () => {
    const settings = staticOnly({ amount_symbols: 2, symbol_charset: '#~' });
    const deps = unusedHibp();
    expect((await evaluatePasswordPolicy(settings, 'abc!!??', deps)).passing).toBe(false);
    expect((await evaluatePasswordPolicy(settings, 'abc#!~', deps)).passing).toBe(true);
  });

  it('counts the default charset, space and backslash included, as symbols', async () => {
    const settings = staticOnly({ amount_symbols: 3 });
    expect((await evaluatePasswordPolicy(settings, 'a b\\c"d', unusedHibp())).passing).toBe(true);
  });

  it('counts letters and digits beyond ASCII, and length in characters rather than UTF-16 units', async () => {
    const settings = staticOnly({ amount_uppercase: 2, amount_lowercase: 2, length_min: 5 });
    expect((await evaluatePasswordPolicy(settings, 'ÄÖüß', unusedHibp())).passing).toBe(false);
    expect((await evaluatePasswordPolicy(settings, 'ÄÖüßé', unusedHibp())).passing).toBe(true);
    expect((await evaluatePasswordPolicy(staticOnly({ length_min: 3 }), '😀😀', unusedHibp())).passing).toBe(false);
  });

  it('answers with error_message when it is set', async () => {
    const settings = staticOnly({ amount_digits: 1, length_min: 12, error_message: 'Use 12 characters and a digit.' });
    expect(await evaluatePasswordPolicy(settings, 'short', unusedHibp())).toEqual({
      passing: false,
      messages: ['Use 12 characters and a digit.'],
    });
  });

  it('names each broken rule when error_message is empty', async () => {
    const settings = staticOnly({ amount_digits: 1, length_min: 12, error_message: '' });
    const result = await evaluatePasswordPolicy(settings, 'short', unusedHibp());
    expect(result.passing).toBe(false);
    expect(result.messages).toHaveLength(2);
    expect(result.messages.join(' ')).toMatch(/12 characters.*1 digit\./);
  });

  it('stops before the breach check when a static rule fails', async () => {
    const deps = unusedHibp();
    const settings = { ...DEFAULT_PASSWORD_POLICY_SETTINGS, length_min: 30 };
    expect((await evaluatePasswordPolicy(settings, 'too short', deps)).passing).toBe(false);
    expect(deps.count).not.toHaveBeenCalled();
  });
});

describe('evaluatePasswordPolicy: zxcvbn', () => {
  const zxcvbnOnly = (threshold = 2): PasswordPolicySettings => ({ ...NO_CHECKS, check_zxcvbn: true, zxcvbn_score_threshold: threshold });

  it('refuses a weak password and explains why', async () => {
    const result = await evaluatePasswordPolicy(zxcvbnOnly(), 'password1', unusedHibp());
    expect(result.passing).toBe(false);
    expect(result.messages[0]).toMatch(/^The password is too easy to guess\. .*commonly used password/);
    expect(result.messages.length).toBeGreaterThan(1);
  });

  it('accepts a long random passphrase', async () => {
    expect(await evaluatePasswordPolicy(zxcvbnOnly(), 'Tumbling-Quartz-Ocelot-47-Vinegar', unusedHibp())).toEqual({
      passing: true,
      messages: [],
    });
  });

  it('refuses a score at the threshold and accepts one above it', async () => {
    const password = 'Smith1984!';
    const { score } = await estimatePasswordStrength(password);
    expect(score).toBeGreaterThan(0);
    expect((await evaluatePasswordPolicy(zxcvbnOnly(score), password, unusedHibp())).passing).toBe(false);
    expect((await evaluatePasswordPolicy(zxcvbnOnly(score - 1), password, unusedHibp())).passing).toBe(true);
  });

  it("counts the user's own details against the password", async () => {
    const password = 'kestrelvonhammerstein';
    expect((await evaluatePasswordPolicy(zxcvbnOnly(), password, unusedHibp())).passing).toBe(true);
    const result = await evaluatePasswordPolicy(zxcvbnOnly(), password, unusedHibp(), [
      'kestrel',
      'kestrelvonhammerstein@example.com',
      'Kestrel von Hammerstein',
    ]);
    expect(result.passing).toBe(false);
  });

  it('stops before the breach check when the password is too weak', async () => {
    const deps = unusedHibp();
    const settings = { ...DEFAULT_PASSWORD_POLICY_SETTINGS, check_zxcvbn: true };
    expect((await evaluatePasswordPolicy(settings, 'password1', deps)).passing).toBe(false);
    expect(deps.count).not.toHaveBeenCalled();
  });
});

describe('evaluatePasswordPolicy: HaveIBeenPwned', () => {
  const breached = 'correct-horse-battery-staple-1';
  const unbreached = 'a password nobody has leaked yet';
  const hibpOnly = (allowed = 0): PasswordPolicySettings => ({ ...NO_CHECKS, check_have_i_been_pwned: true, hibp_allowed_count: allowed });
  let server: HibpRangeServer;
  let deps: PasswordPolicyDependencies;

  beforeEach(async () => {
    server = await startHibpRangeServer({ [breached]: 12, hunter2hunter2: 30_000 });
    deps = { hibp: new HibpRangeClient(server.url, loopbackClient()) };
  });

  afterEach(() => server.close());

  it('refuses a password seen more often than allowed', async () => {
    for (const allowed of [0, 11]) {
      const result = await evaluatePasswordPolicy(hibpOnly(allowed), breached, deps);
      expect(result.passing).toBe(false);
      expect(result.messages[0]).toMatch(/data breaches \(12 times\)/);
    }
  });

  it('accepts a password seen no more often than allowed', async () => {
    expect((await evaluatePasswordPolicy(hibpOnly(12), breached, deps)).passing).toBe(true);
    expect((await evaluatePasswordPolicy(hibpOnly(0), unbreached, deps)).passing).toBe(true);
  });

  it('sends only the first five characters of the hash', async () => {
    await evaluatePasswordPolicy(hibpOnly(), breached, deps);
    const hash = sha1(breached);
    expect(server.requests).toEqual([`/range/${hash.slice(0, 5)}`]);
    for (const request of server.requests) {
      expect(request.toUpperCase()).not.toContain(hash.slice(5, 12));
      expect(request).not.toContain(breached);
    }
  });

  it('fails closed when the range API cannot be reached', async () => {
    await server.close();
    const result = await evaluatePasswordPolicy(hibpOnly(), unbreached, deps);
    expect(result.passing).toBe(false);
    expect(result.messages[0]).toMatch(/could not be completed/);
  });

  it('fails closed when the range API answers with an error', async () => {
    const wrongPath = { hibp: new HibpRangeClient(`${server.url}/not-the-api`, loopbackClient()) };
    const result = await evaluatePasswordPolicy(hibpOnly(), unbreached, wrongPath);
    expect(result).toMatchObject({ passing: false, messages: [expect.stringMatching(/could not be completed/)] });
    expect(server.requests).toHaveLength(1);
  });

  it('fails closed when the outbound client refuses the target', async () => {
    const guarded = { hibp: new HibpRangeClient(server.url, new OutboundClient()) };
    const result = await evaluatePasswordPolicy(hibpOnly(), unbreached, guarded);
    expect(result).toMatchObject({ passing: false, messages: [expect.stringMatching(/could not be completed/)] });
    expect(server.requests).toEqual([]);
  });

  it('runs every enabled check and passes a strong, unbreached password', async () => {
    const settings = { ...DEFAULT_PASSWORD_POLICY_SETTINGS, check_zxcvbn: true, amount_digits: 1, amount_symbols: 1, length_min: 12 };
    expect(await evaluatePasswordPolicy(settings, 'Tumbling-Quartz-Ocelot-47-Vinegar', deps)).toEqual({ passing: true, messages: [] });
    expect(server.requests).toHaveLength(1);
  });
});

describe('passwordFromPromptData', () => {
  it('reads the configured field and ignores values that are not strings', () => {
    const settings = { password_field: 'new_password' };
    expect(passwordFromPromptData(settings, { new_password: 's3cret', password: 'other' })).toBe('s3cret');
    expect(passwordFromPromptData(settings, { password: 'other' })).toBeUndefined();
    expect(passwordFromPromptData(settings, { new_password: ['s3cret'] })).toBeUndefined();
  });
});
