import { createHash, X509Certificate } from 'node:crypto';
import { assertKeyMatchesCertificate, CertificateError, generateSelfSigned, parseCertificatePem, parsePrivateKeyPem } from './certificates';

describe('certificates', () => {
  let rsa: { certificatePem: string; privateKeyPem: string };
  let ec: { certificatePem: string; privateKeyPem: string };

  beforeAll(async () => {
    rsa = await generateSelfSigned({
      commonName: 'authmesh.example',
      subjectAltNames: ['authmesh.example', 'sso.example'],
      validityDays: 30,
      algorithm: 'rsa',
      rsaBits: 2048,
    });
    ec = await generateSelfSigned({ commonName: 'ec.example', validityDays: 365, algorithm: 'ecdsa' });
  });

  it('generates an RSA certificate with SANs that parses back', () => {
    const info = parseCertificatePem(rsa.certificatePem);
    expect(info.commonName).toBe('authmesh.example');
    expect(info.subjectAltNames).toEqual(['authmesh.example', 'sso.example']);
    expect(info.keyType).toBe('rsa');
    const days = (info.notAfter.getTime() - info.notBefore.getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(30);
  });

  it('generates an EC certificate', () => {
    expect(parseCertificatePem(ec.certificatePem).keyType).toBe('ec');
  });

  it('fingerprints the DER encoding', () => {
    const der = new X509Certificate(rsa.certificatePem).raw;
    expect(parseCertificatePem(rsa.certificatePem).fingerprintSha256).toBe(createHash('sha256').update(der).digest('hex'));
  });

  it('accepts a key that matches and refuses one that does not', () => {
    expect(() => assertKeyMatchesCertificate(rsa.certificatePem, rsa.privateKeyPem)).not.toThrow();
    expect(() => assertKeyMatchesCertificate(rsa.certificatePem, ec.privateKeyPem)).toThrow('does not match');
  });

  it('refuses text that is not a certificate, including a private key', () => {
    expect(() => parseCertificatePem('hello')).toThrow(CertificateError);
    expect(() => parseCertificatePem(rsa.privateKeyPem)).toThrow(CertificateError);
    expect(() => parseCertificatePem('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----')).toThrow(CertificateError);
  });

  it('refuses a certificate where a private key is expected', () => {
    expect(() => parsePrivateKeyPem(rsa.certificatePem)).toThrow(CertificateError);
  });

  it('validates generation input', async () => {
    await expect(generateSelfSigned({ commonName: '', validityDays: 1, algorithm: 'ecdsa' })).rejects.toThrow(CertificateError);
    await expect(generateSelfSigned({ commonName: 'x', validityDays: 0, algorithm: 'ecdsa' })).rejects.toThrow(CertificateError);
  });
});
