import { startSmsProviderStandin, type SmsProviderStandin } from '../../../test/sms-provider-standin.js';
import { stageContext, testUser } from '../../../test/stage-context.js';
import { authenticatorSmsStage } from './authenticator-sms.stage.js';
import { codeMatches, newCode } from './sms-code.js';

const SID = 'AC00000000000000000000000000000000';
const TOKEN = 'sms-spec-token';

describe('authenticatorSmsStage', () => {
  let twilio: SmsProviderStandin;
  const settings = { provider: 'twilio', from_number: '+15005550006', account_sid: SID, auth: TOKEN };

  beforeAll(async () => {
    twilio = await startSmsProviderStandin({ accountSid: SID, authToken: TOKEN });
  });
  afterAll(() => twilio.close());

  function build(plan: Record<string, unknown> = {}) {
    const user = testUser({ pk: '5', username: 'sam' });
    const built = stageContext({ settings, plan: { pending_user: '5', ...plan }, users: [{ user }], twilioUrl: twilio.twilioBaseUrl });
    const stage = authenticatorSmsStage;
    return { ...built, stage };
  }

  it('texts the number the flow already established and ignores a number in the request', async () => {
    const { ctx, stage } = build({ prompt_data: { phone_number: '+15550001111' } });
    const before = twilio.messages.length;
    expect(await stage.challenge(ctx)).toEqual({ kind: 'challenge', challenge: { phone_number_required: false } });
    expect(twilio.messages.slice(before).map((m) => m.to)).toEqual(['+15550001111']);
    await stage.submit(ctx, { phone_number: '+15559999999' });
    expect(twilio.messages.slice(before).map((m) => m.to)).toEqual(['+15550001111']);
  });

  it('asks for a number when none is known, refuses a malformed one, and keeps only a digest of the code', async () => {
    const { ctx, stage } = build();
    expect(await stage.challenge(ctx)).toEqual({ kind: 'challenge', challenge: { phone_number_required: true } });
    expect((await stage.submit(ctx, { phone_number: 'call me' })).kind).toBe('invalid');
    await stage.submit(ctx, { phone_number: '+15550002222' });
    const sent = twilio.messages.at(-1);
    const code = /(\d{6})/.exec(sent?.body ?? '')?.[1] as string;
    expect(JSON.stringify(ctx.plan)).not.toContain(code);
    expect(await stage.submit(ctx, { code: code === '000000' ? '111111' : '000000' })).toMatchObject({
      kind: 'invalid',
      failedAttempt: true,
    });
  });
});

describe('texted codes', () => {
  it('match only their own subject, in time', () => {
    const { code, pending } = newCode('secret', 'device:1');
    expect(codeMatches('secret', pending, code)).toBe(true);
    expect(codeMatches('secret', { ...pending, subject: 'device:2' }, code)).toBe(false);
    expect(codeMatches('other', pending, code)).toBe(false);
    expect(codeMatches('secret', { ...pending, expires: Date.now() - 1 }, code)).toBe(false);
    expect(codeMatches('secret', undefined, code)).toBe(false);
  });
});
