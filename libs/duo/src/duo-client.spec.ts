import { OutboundClient } from '@authmesh/outbound';
import { startDuoStandin, type DuoStandin } from '@authmesh/testing';
import { canonicalParams, canonicalRequest, duoAuthorization, DuoApiError, DuoClient, duoDate } from './duo-client.js';
import { duoAdminClientFor, duoAuthClientFor, hasDuoAdminApi } from './duo-stage-clients.js';

const IKEY = 'DIWJ8X6AEYOR5OMC6TQ1';
const SKEY = 'Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Ep';
const ADMIN_IKEY = 'DIAD1X6AEYOR5OMC6TQ2';
const ADMIN_SKEY = 'Ad5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Eq';

const outbound = () => new OutboundClient({ allowedNetworks: ['127.0.0.1/32'], timeoutMs: 5_000 });

let standin: DuoStandin;
beforeEach(async () => {
  standin = await startDuoStandin({ integrationKey: IKEY, secretKey: SKEY, adminIntegrationKey: ADMIN_IKEY, adminSecretKey: ADMIN_SKEY });
});
afterEach(() => standin.close());

const client = (integrationKey = IKEY, secretKey = SKEY) =>
  new DuoClient(outbound(), { apiHostname: standin.hostname, integrationKey, secretKey, baseUrl: standin.baseUrl });

async function duoError(promise: Promise<unknown>): Promise<DuoApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DuoApiError);
  return error as DuoApiError;
}

function expectNoSecret(error: Error, ...secrets: string[]) {
  const text = `${error.message} ${error.stack ?? ''} ${JSON.stringify(error)} ${String(error.cause ?? '')}`;
  for (const secret of secrets) expect(text).not.toContain(secret);
}

async function enrolledUser(username = 'alice'): Promise<string> {
  const { userId } = await client().enroll(username);
  standin.activate(userId);
  return userId;
}

describe('request signing', () => {
  // Duo's own client test vectors (duo_client_python, sig_version 2).
  const fuzzParams = {
    '\u469a\u287b\u35d0\u8ef3\u6727\u502a\u0810\ud091\xc8\uc170': '\u0f45\u1a76\u341a\u654c\uc23f\u9b09\uabe2\u8343\u1b27\u60d0',
    '\u7449\u7e4b\uccfb\u59ff\ufe5f\u83b7\uadcc\u900c\ucfd1\u7813': '\u8db7\u5022\u92d3\u42ef\u207d\u8730\uacfe\u5617\u0946\u4e30',
    '\u7470\u9314\u901c\u9eae\u40d8\u4201\u82d8\u8c70\u1d31\ua042': '\u17d9\u0ba8\u9358\uaadf\ua42a\u48be\ufb96\u6fe9\ub7ff\u32f3',
    '\uc2c5\u2c1d\u2620\u3617\u96b3F\u8605\u20e8\uac21\u5934': '\ufba9\u41aa\ubd83\u840b\u2615\u3e6e\u652d\ua8b5\ud56bU',
  };

  it('produces Duo’s known HMAC-SHA1 signature for the v2 canonical request', () => {
    const canonical = canonicalRequest('Fri, 07 Dec 2012 17:18:00 -0000', 'PoSt', 'foO.BAr52.cOm', '/Foo/BaR2/qux', fuzzParams);
    expect(canonical.split('\n').slice(0, 4)).toEqual(['Fri, 07 Dec 2012 17:18:00 -0000', 'POST', 'foo.bar52.com', '/Foo/BaR2/qux']);
    const expected = `Basic ${Buffer.from('test_ikey:f01811cbbf9561623ab45b893096267fd46a5178').toString('base64')}`;
    expect(duoAuthorization('test_ikey', 'gtdfxv9YgVBYcF6dl2Eq17KUQJN2PLM2ODVTkvoT', canonical)).toBe(expected);
  });

  it('encodes spaces as %20, keeps ~ and the unreserved set, escapes the rest as UTF-8, sorts keys', () => {
    expect(canonicalParams({ username: 'root', realname: 'First Last' })).toBe('realname=First%20Last&username=root');
    expect(canonicalParams({ foo_bar: '2', foo: '1' })).toBe('foo=1&foo_bar=2');
    expect(canonicalParams({ punctuation: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~' })).toBe(
      'punctuation=%21%22%23%24%25%26%27%28%29%2A%2B%2C-.%2F%3A%3B%3C%3D%3E%3F%40%5B%5C%5D%5E_%60%7B%7C%7D~',
    );
    expect(canonicalParams({ whitespace: '\t\n\x0b\x0c\r ' })).toBe('whitespace=%09%0A%0B%0C%0D%20');
    expect(canonicalParams({ 'k é': 'ü~ 😀' })).toBe('k%20%C3%A9=%C3%BC~%20%F0%9F%98%80');
    expect(canonicalParams({})).toBe('');
  });

  it('formats the Date header like RFC 2822 with a -0000 zone', () => {
    expect(duoDate(new Date(Date.UTC(2012, 11, 7, 17, 18, 0)))).toBe('Fri, 07 Dec 2012 17:18:00 -0000');
  });

  it('is accepted by the stand-in, which saw a Date and Basic authorization', async () => {
    await expect(client().enroll('alice')).resolves.toMatchObject({ userId: expect.stringMatching(/^DU/) });
    expect(standin.requests).toEqual([{ method: 'POST', path: '/auth/v2/enroll', params: { username: 'alice' } }]);
  });

  it('signs spaces, unicode and ~ in parameters so that the server’s own canonical form matches', async () => {
    const username = "Zoë ~ O’Brien+1 & 名前 😀!*()'";
    const enrollment = await client().enroll(username);
    expect(standin.requests[0].params.username).toBe(username);
    expect(standin.users.get(enrollment.userId)?.username).toBe(username);
  });

  it('is refused with a wrong secret key, and the error does not contain the key', async () => {
    const wrongSecret = 'WrongSecretKeyWrongSecretKeyWrongSecret0';
    const error = await duoError(client(IKEY, wrongSecret).enroll('alice'));
    expect(error).toMatchObject({ code: 40103, httpStatus: 401 });
    expect(error.message).toContain('Invalid signature in request credentials');
    expectNoSecret(error, wrongSecret, SKEY);
    expect(standin.users.size).toBe(0);
  });

  it('is refused with an unknown integration key', async () => {
    const error = await duoError(client('DIUNKNOWNUNKNOWN0000', SKEY).preauth('DU0000'));
    expect(error).toMatchObject({ code: 40102, httpStatus: 401 });
  });

  it('redacts the secret key should a server ever echo it', async () => {
    const echoing = new DuoClient(
      {
        request: async () => ({
          status: 400,
          headers: {},
          body: Buffer.alloc(0),
          text: () => '',
          json: () => ({ stat: 'FAIL', code: 40002, message: `bad ${SKEY}` }),
        }),
      } as unknown as OutboundClient,
      { apiHostname: 'api-test.duosecurity.com', integrationKey: IKEY, secretKey: SKEY },
    );
    const error = await duoError(echoing.preauth('DU1'));
    expectNoSecret(error, SKEY);
  });
});

describe('stand-in authentication', () => {
  const raw = (headers: Record<string, string>) =>
    outbound().request(`${standin.baseUrl}/auth/v2/check`, { headers: { host: standin.hostname, ...headers } });

  it('answers 40101 without credentials', async () => {
    const response = await raw({});
    expect(response.status).toBe(401);
    expect(response.json()).toEqual({ stat: 'FAIL', code: 40101, message: 'Missing request credentials' });
  });

  it('refuses a correctly signed request whose Date is more than five minutes off', async () => {
    const date = duoDate(new Date(Date.now() - 10 * 60 * 1000));
    const canonical = canonicalRequest(date, 'GET', standin.hostname, '/auth/v2/check', {});
    const response = await raw({ date, authorization: duoAuthorization(IKEY, SKEY, canonical) });
    expect(response.status).toBe(401);
    expect(response.json()).toMatchObject({ stat: 'FAIL', code: 40105 });
  });

  it('refuses a signature made for another host', async () => {
    const date = duoDate(new Date());
    const canonical = canonicalRequest(date, 'GET', 'api-other.duosecurity.com', '/auth/v2/check', {});
    const response = await raw({ date, authorization: duoAuthorization(IKEY, SKEY, canonical) });
    expect(response.json()).toMatchObject({ stat: 'FAIL', code: 40103 });
  });

  it('accepts a correctly signed GET', async () => {
    const date = duoDate(new Date());
    const canonical = canonicalRequest(date, 'GET', standin.hostname, '/auth/v2/check', {});
    const response = await raw({ date, authorization: duoAuthorization(IKEY, SKEY, canonical) });
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ stat: 'OK', response: { time: expect.any(Number) } });
  });
});

describe('enrollment', () => {
  it('is waiting until the user activates, then succeeds', async () => {
    const duo = client();
    const enrollment = await duo.enroll('alice');
    expect(enrollment.activationCode).toMatch(/^duo:\/\//);
    expect(enrollment.activationBarcode).toMatch(/^https:\/\/.+\/frame\/qr\?value=/);
    expect(new URL(enrollment.activationBarcode).searchParams.get('value')).toBe(enrollment.activationCode);
    await expect(duo.enrollStatus(enrollment.userId, enrollment.activationCode)).resolves.toBe('waiting');
    standin.activate(enrollment.userId);
    await expect(duo.enrollStatus(enrollment.userId, enrollment.activationCode)).resolves.toBe('success');
  });

  it('is invalid with another activation code', async () => {
    const duo = client();
    const first = await duo.enroll('alice');
    const second = await duo.enroll('bob');
    await expect(duo.enrollStatus(first.userId, second.activationCode)).resolves.toBe('invalid');
  });

  it('refuses a username that is taken with Duo’s parameter error', async () => {
    await client().enroll('alice');
    await expect(client().enroll('alice')).rejects.toMatchObject({ code: 40002, httpStatus: 400 });
  });
});

describe('preauth and push', () => {
  it('asks a user who has not activated to enroll', async () => {
    const { userId } = await client().enroll('alice');
    await expect(client().preauth(userId)).resolves.toEqual({ result: 'enroll', devices: [] });
  });

  it('lists a push-capable phone for an activated user', async () => {
    const userId = await enrolledUser();
    const preauth = await client().preauth(userId);
    expect(preauth.result).toBe('auth');
    expect(preauth.devices).toHaveLength(1);
    expect(preauth.devices[0].device).toMatch(/^DP/);
    expect(preauth.devices[0].capabilities).toContain('push');
  });

  it('is allowed when the user approves, on the auto device and on the named device', async () => {
    const userId = await enrolledUser();
    const duo = client();
    await expect(duo.pushAuth(userId)).resolves.toBe('allow');
    const [{ device }] = (await duo.preauth(userId)).devices;
    await expect(duo.pushAuth(userId, device)).resolves.toBe('allow');
    expect(standin.requests.filter((r) => r.path === '/auth/v2/auth').map((r) => r.params)).toEqual([
      { user_id: userId, factor: 'push', device: 'auto' },
      { user_id: userId, factor: 'push', device },
    ]);
  });

  it('is denied when the user denies', async () => {
    const userId = await enrolledUser();
    standin.setPushAnswer(userId, 'deny');
    await expect(client().pushAuth(userId)).resolves.toBe('deny');
  });

  it('fails for an unknown user or device rather than allowing', async () => {
    const userId = await enrolledUser();
    await expect(client().pushAuth('DUNOSUCHUSER00000000')).rejects.toMatchObject({ code: 40002 });
    await expect(client().pushAuth(userId, 'DPNOSUCHDEVICE000000')).rejects.toMatchObject({ code: 40002 });
  });
});

describe('admin API', () => {
  it('lists users with the Admin API keys', async () => {
    const alice = await enrolledUser('alice');
    const { userId: bob } = await client().enroll('bob');
    const users = await client(ADMIN_IKEY, ADMIN_SKEY).listUsers();
    expect(users).toEqual([
      { userId: alice, username: 'alice' },
      { userId: bob, username: 'bob' },
    ]);
    expect(standin.requests.at(-1)).toEqual({ method: 'GET', path: '/admin/v1/users', params: { limit: '300', offset: '0' } });
  });

  it('follows next_offset across pages', async () => {
    for (let i = 0; i < 650; i += 1)
      standin.users.set(`DU${String(i).padStart(18, '0')}`, { username: `u${i}`, activated: false, pushAnswer: 'allow' });
    const users = await client(ADMIN_IKEY, ADMIN_SKEY).listUsers();
    expect(users).toHaveLength(650);
    expect(new Set(users.map((u) => u.userId)).size).toBe(650);
    expect(standin.requests.map((r) => r.params.offset)).toEqual(['0', '300', '600']);
  });

  it('reads every user across pages whose size the server chose, following only next_offset', async () => {
    const ids = Array.from({ length: 7 }, (_, i) => standin.addUser(`user-${i}`, { activated: i % 2 === 0 }));
    const pages = new Map<number, { response: unknown[]; metadata: Record<string, number> }>([
      [0, { response: ids.slice(0, 3).map((id, i) => ({ user_id: id, username: `user-${i}` })), metadata: { next_offset: 3 } }],
      [3, { response: ids.slice(3, 5).map((id, i) => ({ user_id: id, username: `user-${i + 3}` })), metadata: { next_offset: 5 } }],
      [5, { response: ids.slice(5).map((id, i) => ({ user_id: id, username: `user-${i + 5}` })), metadata: {} }],
    ]);
    const offsets: number[] = [];
    const paging = new DuoClient(
      {
        request: async (url: string) => {
          const offset = Number(new URL(url).searchParams.get('offset'));
          offsets.push(offset);
          const page = pages.get(offset);
          return { status: 200, headers: {}, body: Buffer.alloc(0), text: () => '', json: () => ({ stat: 'OK', ...page }) };
        },
      } as unknown as OutboundClient,
      { apiHostname: 'api-test.duosecurity.com', integrationKey: ADMIN_IKEY, secretKey: ADMIN_SKEY },
    );
    const users = await paging.listUsers();
    expect(offsets).toEqual([0, 3, 5]);
    expect(users.map((u) => u.userId)).toEqual(ids);
    expect(users.map((u) => u.username)).toEqual(ids.map((_, i) => `user-${i}`));
  });

  it('gives up on a next_offset that does not move forward instead of looping', async () => {
    let calls = 0;
    const looping = new DuoClient(
      {
        request: async () => {
          calls += 1;
          return {
            status: 200,
            headers: {},
            body: Buffer.alloc(0),
            text: () => '',
            json: () => ({ stat: 'OK', response: [{ user_id: 'DU1', username: 'a' }], metadata: { next_offset: 0 } }),
          };
        },
      } as unknown as OutboundClient,
      { apiHostname: 'api-test.duosecurity.com', integrationKey: ADMIN_IKEY, secretKey: ADMIN_SKEY },
    );
    const error = await duoError(looping.listUsers());
    expect(error.message).toContain('next_offset');
    expect(calls).toBe(1);
  });

  it('is refused with 401 and Duo’s error body when the Admin API signature is wrong', async () => {
    standin.addUser('alice');
    const wrongSecret = 'WrongAdminSecretWrongAdminSecretWrong000';
    const error = await duoError(client(ADMIN_IKEY, wrongSecret).listUsers());
    expect(error).toMatchObject({ code: 40103, httpStatus: 401 });
    expect(error.message).toContain('Invalid signature in request credentials');
    expectNoSecret(error, wrongSecret, ADMIN_SKEY);
  });

  it('is refused with the Auth API keys, and the Auth API is refused with the Admin API keys', async () => {
    const error = await duoError(client().listUsers());
    expect(error).toMatchObject({ code: 40301, httpStatus: 403 });
    expectNoSecret(error, SKEY, ADMIN_SKEY);
    await expect(client(ADMIN_IKEY, ADMIN_SKEY).preauth('DU1')).rejects.toMatchObject({ code: 40301 });
  });
});

describe('clients for a stage’s settings', () => {
  const settings = () => ({
    api_hostname: standin.hostname,
    client_id: IKEY,
    client_secret: SKEY,
    admin_integration_key: ADMIN_IKEY,
    admin_secret_key: ADMIN_SKEY,
  });

  it('uses the Auth API keys for the Auth API and the Admin API keys for the Admin API', async () => {
    const userId = standin.addUser('alice');
    await expect(duoAuthClientFor(outbound(), settings(), standin.baseUrl).pushAuth(userId)).resolves.toBe('allow');
    await expect(duoAdminClientFor(outbound(), settings(), standin.baseUrl).listUsers()).resolves.toEqual([{ userId, username: 'alice' }]);
  });

  it('refuses to build an Admin API client for a stage without both Admin API keys', () => {
    expect(hasDuoAdminApi(settings())).toBe(true);
    for (const missing of ['admin_integration_key', 'admin_secret_key']) {
      const partial = { ...settings(), [missing]: '' };
      expect(hasDuoAdminApi(partial)).toBe(false);
      expect(() => duoAdminClientFor(outbound(), partial, standin.baseUrl)).toThrow(DuoApiError);
    }
  });
});

describe('failures', () => {
  it('wraps refused outbound targets in a DuoApiError', async () => {
    const duo = new DuoClient(new OutboundClient(), {
      apiHostname: standin.hostname,
      integrationKey: IKEY,
      secretKey: SKEY,
      baseUrl: standin.baseUrl,
    });
    const error = await duoError(duo.preauth('DU1'));
    expect(error.message).toContain('denied');
    expect(standin.requests).toHaveLength(0);
  });

  it('refuses an API hostname that is not a host name', () => {
    expect(() => new DuoClient(outbound(), { apiHostname: 'evil.example/x?', integrationKey: IKEY, secretKey: SKEY })).toThrow(DuoApiError);
  });
});
