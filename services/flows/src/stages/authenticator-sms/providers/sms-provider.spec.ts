import { OutboundClient } from '@authmesh/outbound';
import { startSmsProviderStandin, type SmsProviderStandin } from '../../../../test/sms-provider-standin.js';
import { sendSms, SmsDeliveryError, type SmsSettings } from './sms-provider.js';

const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
const AUTH_TOKEN = 'twilio-auth-token-5f2b9c';
const BEARER = 'generic-bearer-token-81d0';
const BASIC_USER = 'gateway-user';
const BASIC_PASSWORD = 'gateway-password-7a1e';
const FROM = '+15005550006';
const TO = '+4915112345678';
const BODY = 'Your authmesh code is 482913';

const loopbackClient = () => new OutboundClient({ allowedNetworks: ['127.0.0.1/32'], timeoutMs: 2_000 });

let standin: SmsProviderStandin;

beforeEach(async () => {
  standin = await startSmsProviderStandin({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    genericBearer: BEARER,
    genericBasic: { username: BASIC_USER, password: BASIC_PASSWORD },
  });
});

afterEach(async () => {
  await standin.close();
});

function twilioSettings(overrides: Partial<SmsSettings> = {}): SmsSettings {
  return {
    provider: 'twilio',
    from_number: FROM,
    account_sid: ACCOUNT_SID,
    auth: AUTH_TOKEN,
    auth_password: '',
    auth_type: 'basic',
    twilio_base_url: standin.twilioBaseUrl,
    ...overrides,
  };
}

function genericSettings(overrides: Partial<SmsSettings> = {}): SmsSettings {
  return {
    provider: 'generic',
    from_number: FROM,
    account_sid: standin.genericUrl,
    auth: BEARER,
    auth_password: '',
    auth_type: 'bearer',
    ...overrides,
  };
}

async function deliveryError(promise: Promise<void>): Promise<SmsDeliveryError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SmsDeliveryError);
  return error as SmsDeliveryError;
}

function expectNoSecrets(error: SmsDeliveryError): void {
  for (const secret of [AUTH_TOKEN, BEARER, BASIC_PASSWORD, BODY, '482913']) expect(error.message).not.toContain(secret);
}

describe('sendSms through Twilio', () => {
  it('sends To, From and Body to the Messages endpoint', async () => {
    await sendSms(loopbackClient(), twilioSettings(), TO, BODY);

    expect(standin.messages).toEqual([{ provider: 'twilio', to: TO, from: FROM, body: BODY }]);
  });

  it('names Twilio error code and message when the auth token is wrong, without the token or the body', async () => {
    const error = await deliveryError(sendSms(loopbackClient(), twilioSettings({ auth: 'wrong-token-0000' }), TO, BODY));

    expect(error.message).toContain('401');
    expect(error.message).toContain('20003');
    expect(error.message).toContain('Authenticate');
    expect(error.message).not.toContain('wrong-token-0000');
    expectNoSecrets(error);
    expect(standin.messages).toEqual([]);
  });

  it('refuses an account SID that does not match the credentials', async () => {
    const error = await deliveryError(sendSms(loopbackClient(), twilioSettings({ account_sid: 'AC' + 'f'.repeat(32) }), TO, BODY));

    expect(error.message).toContain('20003');
    expect(standin.messages).toEqual([]);
  });

  it('redacts secrets and the body when Twilio echoes them in its error message', async () => {
    // The stand-in echoes the From number in error 21212; here it carries the body and the token.
    const error = await deliveryError(sendSms(loopbackClient(), twilioSettings({ from_number: `x${AUTH_TOKEN}-${BODY}` }), TO, BODY));

    expect(error.message).toContain('21212');
    expect(error.message).toContain('[redacted]');
    expectNoSecrets(error);
  });

  it('fails with the transport reason when Twilio cannot be reached', async () => {
    const settings = twilioSettings();
    await standin.close();

    const error = await deliveryError(sendSms(loopbackClient(), settings, TO, BODY));

    expect(error.message).toContain('could not be reached');
    expectNoSecrets(error);
  });

  it('refuses a loopback Twilio base URL unless the outbound client allows it', async () => {
    const error = await deliveryError(sendSms(new OutboundClient(), twilioSettings(), TO, BODY));

    expect(error.message).toContain('denied network');
    expect(standin.requestCount()).toBe(0);
  });

  it('refuses an empty auth token without sending anything', async () => {
    await deliveryError(sendSms(loopbackClient(), twilioSettings({ auth: '' }), TO, BODY));

    expect(standin.requestCount()).toBe(0);
  });
});

describe('sendSms phone number validation', () => {
  it.each(['004915112345678', '+0123456789', '+12345', '+1234567890123456', '+1 555 123 4567', '', `${TO}\n`, 'tel:+4915112345678'])(
    'refuses %j before any request',
    async (to) => {
      const error = await deliveryError(sendSms(loopbackClient(), twilioSettings(), to, BODY));

      expect(error.message).toContain('E.164');
      expect(standin.requestCount()).toBe(0);
    },
  );

  it('refuses an invalid number for the generic provider too', async () => {
    await deliveryError(sendSms(loopbackClient(), genericSettings(), '12345', BODY));

    expect(standin.requestCount()).toBe(0);
  });
});

describe('sendSms through a generic provider', () => {
  it('posts the message as JSON with a bearer token', async () => {
    await sendSms(loopbackClient(), genericSettings(), TO, BODY);

    expect(standin.messages).toEqual([{ provider: 'generic', to: TO, from: FROM, body: BODY }]);
  });

  it('posts the message with basic auth', async () => {
    await sendSms(loopbackClient(), genericSettings({ auth_type: 'basic', auth: BASIC_USER, auth_password: BASIC_PASSWORD }), TO, BODY);

    expect(standin.messages).toEqual([{ provider: 'generic', to: TO, from: FROM, body: BODY }]);
  });

  it('fails with the status when the provider answers with a non-2xx status', async () => {
    const error = await deliveryError(sendSms(loopbackClient(), genericSettings({ auth: 'not-the-bearer' }), TO, BODY));

    expect(error.message).toContain('401');
    expect(error.message).not.toContain('not-the-bearer');
    expectNoSecrets(error);
    expect(standin.messages).toEqual([]);
  });

  it('fails with the status when basic-auth credentials are wrong', async () => {
    const error = await deliveryError(
      sendSms(loopbackClient(), genericSettings({ auth_type: 'basic', auth: BASIC_USER, auth_password: 'wrong' }), TO, BODY),
    );

    expect(error.message).toContain('401');
    expectNoSecrets(error);
  });

  it('refuses a basic-auth username containing a colon without sending anything', async () => {
    await deliveryError(
      sendSms(loopbackClient(), genericSettings({ auth_type: 'basic', auth: 'user:extra', auth_password: 'x' }), TO, BODY),
    );

    expect(standin.requestCount()).toBe(0);
  });

  it('fails when the provider is down', async () => {
    const settings = genericSettings();
    await standin.close();

    const error = await deliveryError(sendSms(loopbackClient(), settings, TO, BODY));

    expect(error.message).toContain('could not be reached');
    expectNoSecrets(error);
  });

  it('refuses an unknown provider', async () => {
    const settings = { ...genericSettings(), provider: 'carrier-pigeon' } as unknown as SmsSettings;

    await deliveryError(sendSms(loopbackClient(), settings, TO, BODY));

    expect(standin.requestCount()).toBe(0);
  });
});
