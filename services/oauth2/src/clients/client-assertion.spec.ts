import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { TrustedJwksSource__Output } from '@authmesh/rpc';
import { AssertionRefused, verifyClientAssertion } from './client-assertion.js';

/** What the provider accepts as the assertion's audience: its client id, issuer and token endpoint. */
const AUDIENCES = ['client-1', 'https://sso.example.com/application/o/app/', 'https://sso.example.com/application/o/token/'];

describe('verifyClientAssertion', () => {
  let privateKey: CryptoKey;
  let publicJwk: JWK;
  let source: TrustedJwksSource__Output;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    source = { pk: 'p', slug: 'ci', name: 'CI', jwks_json: JSON.stringify({ keys: [publicJwk] }), user_path: 'goauthentik.io/sources/ci' };
  });

  const sign = (claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}, key: CryptoKey = privateKey) =>
    new SignJWT({ sub: 'deploy-bot', aud: 'client-1', ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1', ...header } as { alg: string })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);

  const refusal = async (assertion: string, sources = [source]) => {
    const error = await verifyClientAssertion(assertion, sources, AUDIENCES).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AssertionRefused);
    return (error as Error).message;
  };

  it('refuses a JWT minted for another audience, or for none', async () => {
    expect(await refusal(await sign({ aud: 'some-other-service' }))).toMatch(/aud/);
    const noAudience = await new SignJWT({ sub: 'deploy-bot' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await refusal(noAudience)).toMatch(/aud/);
  });

  it('accepts a JWT signed by a trusted key and names the source and subject', async () => {
    const verified = await verifyClientAssertion(await sign(), [source], AUDIENCES);
    expect(verified.claims.sub).toBe('deploy-bot');
    expect(verified.source.slug).toBe('ci');
    expect(verified.kid).toBe('k1');
  });

  it('refuses a JWT signed by another key under the same kid', async () => {
    const other = await generateKeyPair('ES256');
    expect(await refusal(await sign({}, {}, other.privateKey))).toMatch(/signature/);
  });

  it('refuses alg none and HMAC algorithms before looking at any key', async () => {
    const body = Buffer.from(JSON.stringify({ sub: 'x', exp: Math.floor(Date.now() / 1000) + 60 })).toString('base64url');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', kid: 'k1' })).toString('base64url')}.${body}.`;
    expect(await refusal(none)).toMatch(/algorithm none/);
    const hs = await new SignJWT({ sub: 'x' })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('a-shared-secret-that-is-long-enough!'));
    expect(await refusal(hs)).toMatch(/algorithm HS256/);
    // An oct key smuggled into a set is never used either.
    const octSource = { ...source, jwks_json: JSON.stringify({ keys: [{ kty: 'oct', kid: 'k1', k: 'c2VjcmV0' }] }) };
    expect(await refusal(await sign(), [octSource])).toMatch(/no trusted source/);
  });

  it('refuses expired and not-yet-valid JWTs, and JWTs without exp or sub', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ sub: 'x', aud: 'client-1' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setExpirationTime(now - 10)
      .sign(privateKey);
    expect(await refusal(expired)).toMatch(/expired/);
    expect(await refusal(await sign({ nbf: now + 300 }))).toMatch(/nbf/);
    const noExp = await new SignJWT({ sub: 'x', aud: 'client-1' }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).sign(privateKey);
    expect(await refusal(noExp)).toMatch(/exp/);
    const noSub = await new SignJWT({ aud: 'client-1' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await refusal(noSub)).toMatch(/sub/);
  });

  it('refuses an unknown kid, a missing kid, a key meant for another algorithm, and no trusted sources', async () => {
    expect(await refusal(await sign({}, { kid: 'k2' }))).toMatch(/no trusted source has a key with kid k2/);
    const noKid = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'ES256' }).setExpirationTime('5m').sign(privateKey);
    expect(await refusal(noKid)).toMatch(/kid/);
    const rsOnly = { ...source, jwks_json: JSON.stringify({ keys: [{ ...publicJwk, alg: 'RS256' }] }) };
    expect(await refusal(await sign(), [rsOnly])).toMatch(/not for ES256/);
    expect(await refusal(await sign(), [])).toMatch(/no trusted source/);
  });

  it('refuses what is not a compact JWS', async () => {
    expect(await refusal('not-a-jwt')).toMatch(/not a signed JWT/);
    expect(await refusal('a.b.c')).toMatch(/malformed/);
    expect(await refusal('x'.repeat(20_000))).toMatch(/too long/);
  });
});
