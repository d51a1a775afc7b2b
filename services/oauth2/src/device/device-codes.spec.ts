import { deviceEntryUrl, normalizeUserCode, originOf } from './device-codes.js';

describe('device code helpers', () => {
  it('normalizes user codes as oidc-provider stores them', () => {
    expect(normalizeUserCode('bcdf-ghjk ')).toBe('BCDFGHJK');
    expect(normalizeUserCode('x'.repeat(100))).toHaveLength(64);
  });

  it('sends people to the flow executor at /device, with the code in the link when known', () => {
    expect(deviceEntryUrl('https://id.example.com', '')).toBe('https://id.example.com/device');
    expect(deviceEntryUrl('https://id.example.com', 'BCDF-GHJK')).toBe('https://id.example.com/device?code=BCDF-GHJK');
    expect(deviceEntryUrl('', 'a&b=c')).toBe('/device?code=a%26b%3Dc');
  });

  it('builds issuers for the external URL when configured, else for the origin the browser used', () => {
    expect(originOf({ host: 'id.example.com', secure: true })).toBe('https://id.example.com');
    expect(originOf({ host: 'id.example.com:9000', secure: false })).toBe('http://id.example.com:9000');
    expect(originOf({ host: 'evil.example', secure: true }, 'https://id.example.com/')).toBe('https://id.example.com');
  });
});
