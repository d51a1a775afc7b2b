import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, SignJWT, UnsecuredJWT } from 'jose';
import type { OAuth2Provider__Output } from '@authmesh/rpc';
import { accessTokenKeys, presentedTokenId, signAccessToken, verifiedAccessTokenId } from './access-token-jwt.js';
import { nextRetirement, retiredJwks } from './signing-keys.js';

const ISSUER = 'https://id.example.com/application/o/app/';
const pem = (type: 'rsa' | 'ec') =>
  (type === 'rsa'
    ? generateKeyPairSync('rsa', { modulusLength: 2048 })
    : generateKeyPairSync('ec', { namedCurve: 'P-256' })
  ).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const now = Math.floor(Date.now() / 1000);

function provider(fields: Partial<OAuth2Provider__Output>): OAuth2Provider__Output {
  return { client_id: 'app', client_secret: 'secret-0123456789', retired_signing_keys: [], ...fields } as OAuth2Provider__Output;
}

describe('JWT access tokens', () => {
  const oldKey = pem('ec');
  const newKey = pem('rsa');
  const rotated = provider({
    signing_key: { pk: 'new-key', private_key_pem: newKey, key_type: 'rsa', certificate_pem: '' },
    retired_signing_keys: [
      { pk: 'old-key', private_key_pem: oldKey, key_type: 'ec', retired_at: String(now - 10), verify_until: String(now + 60) },
      { pk: 'gone-key', private_key_pem: pem('rsa'), key_type: 'rsa', retired_at: String(now - 99), verify_until: String(now - 1) },
    ],
  });

  it('signs with the current key as at+jwt with its kid and verifies back to the stored token id', async () => {
    const keys = accessTokenKeys(rotated)!;
    const token = await signAccessToken(keys, { iss: ISSUER, jti: 'stored-id', exp: now + 60 });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'RS256', typ: 'at+jwt', kid: 'new-key' });
    expect(await verifiedAccessTokenId(keys, token, ISSUER)).toBe('stored-id');
    expect(presentedTokenId(token)).toBe('stored-id');
  });

  it('still verifies a token signed with a retired key within its period, never one past it', async () => {
    const keys = accessTokenKeys(rotated)!;
    const byOld = await signAccessToken(
      { sign: { ...keys.verify[1], key: createPrivateKey(oldKey) }, verify: [] },
      {
        iss: ISSUER,
        jti: 'old-id',
      },
    );
    expect(decodeProtectedHeader(byOld).kid).toBe('old-key');
    expect(await verifiedAccessTokenId(keys, byOld, ISSUER)).toBe('old-id');
    expect(keys.verify.map((k) => k.kid)).toEqual(['new-key', 'old-key']);
    const later = accessTokenKeys(rotated, (now + 61) * 1000)!;
    expect(await verifiedAccessTokenId(later, byOld, ISSUER)).toBeNull();
  });

  it('refuses another issuer, another key, alg none, a bare id and garbage', async () => {
    const keys = accessTokenKeys(rotated)!;
    const token = await signAccessToken(keys, { iss: ISSUER, jti: 'x' });
    expect(await verifiedAccessTokenId(keys, token, 'https://other.example.com/')).toBeNull();
    const stranger = await new SignJWT({ iss: ISSUER, jti: 'x' })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'new-key' })
      .sign(createPrivateKey(pem('rsa')));
    expect(await verifiedAccessTokenId(keys, stranger, ISSUER)).toBeNull();
    const unsigned = new UnsecuredJWT({ iss: ISSUER, jti: 'x' }).encode();
    expect(await verifiedAccessTokenId(keys, unsigned, ISSUER)).toBeNull();
    expect(await verifiedAccessTokenId(keys, 'x', ISSUER)).toBeNull();
    expect(await verifiedAccessTokenId(keys, 'a.b.c', ISSUER)).toBeNull();
    expect(await verifiedAccessTokenId(keys, undefined, ISSUER)).toBeNull();
  });

  it('uses HS256 with the client secret without a key, and stays opaque without either', async () => {
    const keys = accessTokenKeys(provider({}))!;
    const token = await signAccessToken(keys, { iss: ISSUER, jti: 'hs' });
    expect(decodeProtectedHeader(token).alg).toBe('HS256');
    expect(await verifiedAccessTokenId(keys, token, ISSUER)).toBe('hs');
    expect(await verifiedAccessTokenId(accessTokenKeys(provider({ client_secret: 'another-secret' }))!, token, ISSUER)).toBeNull();
    expect(accessTokenKeys(provider({ client_secret: '' }))).toBeNull();
    expect(decodeJwt(token).jti).toBe('hs');
  });

  it('publishes retired keys for verification only, until their period ends', () => {
    const keys = retiredJwks(rotated);
    expect(keys.map((k) => [k.kid, k.alg, k.key_ops])).toEqual([['old-key', 'ES256', ['verify']]]);
    expect(nextRetirement(rotated)).toBe((now + 60) * 1000);
    expect(retiredJwks(rotated, (now + 60) * 1000)).toEqual([]);
    expect(nextRetirement(rotated, (now + 60) * 1000)).toBeNull();
  });
});
