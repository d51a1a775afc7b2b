import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { claimedClientId, presentedAccessToken, readBody } from './request-routing.js';
import { moveClientSecretToBasic, unconfiguredScope } from './oauth2.handler.js';

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

describe('routing OAuth2 requests to their client', () => {
  it('reads the client from HTTP Basic first, percent-decoded', () => {
    expect(claimedClientId(basic('my%20app', 's'), new URLSearchParams('client_id=other'))).toBe('my app');
    expect(claimedClientId(basic('', 's'), new URLSearchParams())).toBeNull();
    expect(claimedClientId('Basic !!!', new URLSearchParams())).toBeNull();
  });

  it('falls back to client_id in the form, then to the subject of a client assertion', () => {
    expect(claimedClientId(undefined, new URLSearchParams('client_id=grafana'))).toBe('grafana');
    const assertion = ['e30', Buffer.from(JSON.stringify({ iss: 'x', sub: 'machine' })).toString('base64url'), 'sig'].join('.');
    expect(claimedClientId(undefined, new URLSearchParams({ client_assertion: assertion }))).toBe('machine');
    expect(claimedClientId(undefined, new URLSearchParams({ client_assertion: 'not-a-jwt' }))).toBeNull();
  });

  it('reads Bearer and DPoP access tokens', () => {
    expect(presentedAccessToken('Bearer abc', new URLSearchParams())).toBe('abc');
    expect(presentedAccessToken('DPoP abc', new URLSearchParams())).toBe('abc');
    expect(presentedAccessToken(undefined, new URLSearchParams('access_token=def'))).toBe('def');
    expect(presentedAccessToken('Basic abc', new URLSearchParams())).toBeNull();
  });

  it('refuses bodies over the limit', async () => {
    const small = Readable.from([Buffer.from('a=1')]) as unknown as IncomingMessage;
    await expect(readBody(small, 10)).resolves.toBe('a=1');
    const big = Readable.from([Buffer.alloc(20, 'a')]) as unknown as IncomingMessage;
    await expect(readBody(big, 10)).rejects.toThrow('too large');
  });

  it('names the first scope no mapping answers', () => {
    const scopes = [{ scope_name: 'openid' }, { scope_name: 'email' }];
    expect(unconfiguredScope(scopes, 'openid email')).toBeNull();
    expect(unconfiguredScope(scopes, null)).toBeNull();
    expect(unconfiguredScope(scopes, 'openid admin email')).toBe('admin');
  });

  it('moves form client credentials to HTTP Basic, unless a header is already there', () => {
    const req = { headers: {} } as IncomingMessage & { body?: string };
    const form = new URLSearchParams('grant_type=authorization_code&client_id=a%20b&client_secret=s%3Ae&code=c');
    moveClientSecretToBasic(req, form);
    expect(req.headers.authorization).toBe(basic('a%20b', 's%3Ae'));
    expect(req.body).toBe('grant_type=authorization_code&client_id=a+b&code=c');
    const both = { headers: { authorization: 'Basic x' } } as IncomingMessage;
    const kept = new URLSearchParams('client_id=a&client_secret=s');
    moveClientSecretToBasic(both, kept);
    expect(both.headers.authorization).toBe('Basic x');
    expect(kept.get('client_secret')).toBe('s');
  });
});
