import type { Request } from 'express';
import { requestOrigin } from './request-context.js';

function request(headers: Record<string, string>, protocol = 'http'): Request {
  return { headers, protocol, get: (name: string) => headers[name.toLowerCase()] } as unknown as Request;
}

describe('requestOrigin', () => {
  it("takes the gateway's forwarded scheme and host over the plain connection's", () => {
    expect(requestOrigin(request({ host: 'core:9000', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'id.example.com' }))).toEqual({
      scheme: 'https',
      host: 'id.example.com',
    });
    expect(requestOrigin(request({ host: 'id.example.com', 'x-forwarded-proto': 'HTTPS, http' }))).toEqual({
      scheme: 'https',
      host: 'id.example.com',
    });
  });

  it("falls back to the request's own values when the forwarded ones are absent or malformed", () => {
    expect(requestOrigin(request({ host: 'id.example.com:8443' }, 'https'))).toEqual({ scheme: 'https', host: 'id.example.com:8443' });
    expect(requestOrigin(request({ host: '[::1]:9000', 'x-forwarded-proto': 'gopher', 'x-forwarded-host': 'evil/host' }))).toEqual({
      scheme: 'http',
      host: '[::1]:9000',
    });
    expect(requestOrigin(request({ host: 'bad host' }))).toEqual({ scheme: 'http', host: 'localhost' });
  });
});
