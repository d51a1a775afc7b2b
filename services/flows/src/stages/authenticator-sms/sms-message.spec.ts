import { ExpressionEngine } from '@authmesh/expressions';
import { startSmsProviderStandin, type SmsProviderStandin } from '../../../test/sms-provider-standin.js';
import { stageContext, testUser } from '../../../test/stage-context.js';
import { textCode } from './sms-message.js';
import { SmsDeliveryError } from './providers/sms-provider.js';

describe('textCode', () => {
  let gateway: SmsProviderStandin;
  let expressions: ExpressionEngine;
  const user = testUser({ pk: '5', username: 'sam', email: 'sam@example.com' });

  beforeAll(async () => {
    gateway = await startSmsProviderStandin({ accountSid: 'AC0', authToken: 'x', genericBearer: 'gateway-token' });
    expressions = await ExpressionEngine.create();
  });
  afterAll(() => gateway.close());

  function settings(mapping: string | null, url = gateway.customUrl) {
    return {
      provider: 'generic',
      account_sid: url,
      auth: 'gateway-token',
      auth_type: 'bearer',
      from_number: '+15005550006',
      mapping: mapping === null ? null : { pk: 'm1', name: 'custom body', expression: mapping },
    };
  }

  it("builds a generic gateway's body with the stage's webhook mapping", async () => {
    const { ctx } = stageContext({ expressions });
    const mapping = 'return { recipient: phone_number, sender: from_number, message: `${body} (for ${user.username})` };';
    await textCode(ctx, settings(mapping), user, '+15550001111', 'Your code is 123456', '123456');
    expect(gateway.messages.at(-1)).toEqual({
      provider: 'generic',
      to: '+15550001111',
      from: '+15005550006',
      body: 'Your code is 123456 (for sam)',
    });
  });

  it('sends the default body without a mapping, and the gateway that wants another shape refuses it', async () => {
    const { ctx } = stageContext({ expressions });
    await textCode(ctx, settings(null, gateway.genericUrl), user, '+15550002222', 'Your code is 654321', '654321');
    expect(gateway.messages.at(-1)).toMatchObject({ to: '+15550002222', body: 'Your code is 654321' });
    await expect(textCode(ctx, settings(null), user, '+15550002222', 'x', '1')).rejects.toThrow(SmsDeliveryError);
  });

  it('sends nothing when the mapping throws or does not answer an object', async () => {
    const { ctx } = stageContext({ expressions });
    const before = gateway.messages.length;
    await expect(textCode(ctx, settings('throw new Error("nope")'), user, '+15550003333', 'x', '1')).rejects.toThrow(/custom body/);
    await expect(textCode(ctx, settings('return "text"'), user, '+15550003333', 'x', '1')).rejects.toThrow(/must return an object/);
    expect(gateway.messages.length).toBe(before);
  });
});
