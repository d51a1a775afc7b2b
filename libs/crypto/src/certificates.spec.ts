import 'reflect-metadata';
import { createHash, generateKeyPairSync, webcrypto, X509Certificate } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import {
  assertKeyMatchesCertificate,
  CertificateError,
  generateSelfSigned,
  parseCertificatePem,
  parsePrivateKeyPem,
  type KeyPairPem,
} from './certificates.js';

const DAY_MS = 86_400_000;

describe('certificates', () => {
  let rsa: KeyPairPem;
  let ec: KeyPairPem;
  let otherEc: KeyPairPem;

  beforeAll(async () => {
    // 2048-bit keys keep the suite fast; production defaults to 4096.
    rsa = await generateSelfSigned({
      commonName: 'authmesh.example',
      subjectAltNames: ['authmesh.example', 'sso.example', '*.apps.example'],
      validityDays: 30,
      algorithm: 'rsa',
      rsaBits: 2048,
    });
    ec = await generateSelfSigned({ commonName: 'ec.example', subjectAltNames: ['ec.example'], validityDays: 365, algorithm: 'ecdsa' });
    otherEc = await generateSelfSigned({ commonName: 'ec.example', validityDays: 365, algorithm: 'ecdsa' });
  });

  describe('generateSelfSigned', () => {
    it('generates an RSA certificate that parses back with its names, SANs and validity', () => {
      const info = parseCertificatePem(rsa.certificatePem);
      expect(info.commonName).toBe('authmesh.example');
      expect(info.subject).toBe('CN=authmesh.example, O=authmesh, OU=Self-signed');
      expect(info.issuer).toBe(info.subject);
      expect(info.sans).toEqual(['authmesh.example', 'sso.example', '*.apps.example']);
      expect(info.keyType).toBe('rsa');
      expect((info.notAfter.getTime() - info.notBefore.getTime()) / DAY_MS).toBe(30);
      expect(info.notBefore.getTime()).toBeLessThanOrEqual(Date.now());
      expect(info.serialNumber).toMatch(/^[4-7][0-9a-f]{31}$/);
    });

    it('uses the requested RSA size with a SHA-256 signature', () => {
      const cert = new X509Certificate(rsa.certificatePem);
      expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
      expect(new x509.X509Certificate(rsa.certificatePem).signatureAlgorithm).toMatchObject({
        name: 'RSASSA-PKCS1-v1_5',
        hash: { name: 'SHA-256' },
      });
    });

    it('generates an ECDSA P-384 certificate signed with SHA-384', () => {
      const info = parseCertificatePem(ec.certificatePem);
      expect(info.keyType).toBe('ec');
      expect(info.sans).toEqual(['ec.example']);
      expect(new X509Certificate(ec.certificatePem).publicKey.asymmetricKeyDetails?.namedCurve).toBe('secp384r1');
      expect(new x509.X509Certificate(ec.certificatePem).signatureAlgorithm).toMatchObject({ name: 'ECDSA', hash: { name: 'SHA-384' } });
    });

    it('leaves the SAN extension out when no SANs are given', () => {
      expect(parseCertificatePem(otherEc.certificatePem).sans).toEqual([]);
      expect(new x509.X509Certificate(otherEc.certificatePem).getExtension(x509.SubjectAlternativeNameExtension)).toBeNull();
    });

    it('marks the certificate as not a CA, with key usages fitting the algorithm', () => {
      const rsaCert = new x509.X509Certificate(rsa.certificatePem);
      const basic = rsaCert.getExtension(x509.BasicConstraintsExtension);
      expect(basic?.ca).toBe(false);
      expect(basic?.critical).toBe(true);
      const { KeyUsageFlags } = x509;
      expect(rsaCert.getExtension(x509.KeyUsagesExtension)?.usages).toBe(KeyUsageFlags.digitalSignature | KeyUsageFlags.keyEncipherment);
      const ecCert = new x509.X509Certificate(ec.certificatePem);
      expect(ecCert.getExtension(x509.KeyUsagesExtension)?.usages).toBe(KeyUsageFlags.digitalSignature);
      expect(new X509Certificate(rsa.certificatePem).ca).toBe(false);
    });

    it('is signed by its own key, with issuer equal to subject', () => {
      for (const pem of [rsa.certificatePem, ec.certificatePem]) {
        const cert = new X509Certificate(pem);
        expect(cert.verify(cert.publicKey)).toBe(true);
        expect(cert.issuer).toBe(cert.subject);
      }
      expect(new X509Certificate(ec.certificatePem).verify(new X509Certificate(otherEc.certificatePem).publicKey)).toBe(false);
    });

    it('emits the private key as unencrypted PKCS#8 that matches the certificate', () => {
      expect(rsa.privateKeyPem.startsWith('-----BEGIN PRIVATE KEY-----\n')).toBe(true);
      expect(ec.privateKeyPem.startsWith('-----BEGIN PRIVATE KEY-----\n')).toBe(true);
      expect(() => assertKeyMatchesCertificate(rsa.certificatePem, rsa.privateKeyPem)).not.toThrow();
      expect(() => assertKeyMatchesCertificate(ec.certificatePem, ec.privateKeyPem)).not.toThrow();
    });

    it.each(['Acme, Inc. = "SSO"+1', '#0c03414243', 'back\\slash\\0a', 'Ünïcödé SSO ✓'])(
      'keeps the common name %p literally',
      async (commonName) => {
        const pair = await generateSelfSigned({ commonName, validityDays: 1, algorithm: 'ecdsa' });
        expect(parseCertificatePem(pair.certificatePem).commonName).toBe(commonName);
        const name = new x509.X509Certificate(pair.certificatePem).subjectName;
        expect(name.getField('CN')).toEqual([commonName]);
        expect(name.getField('O')).toEqual(['authmesh']);
        expect(name.getField('OU')).toEqual(['Self-signed']);
      },
    );

    it.each([
      [{ commonName: '' }, 'common name'],
      [{ commonName: '   ' }, 'common name'],
      [{ commonName: 'x'.repeat(256) }, 'common name'],
      [{ commonName: 'bad\nname' }, 'common name'],
      [{ validityDays: 0 }, 'validity'],
      [{ validityDays: 36501 }, 'validity'],
      [{ validityDays: 1.5 }, 'validity'],
      [{ algorithm: 'dsa' }, 'algorithm'],
      [{ algorithm: 'rsa', rsaBits: 1024 }, 'RSA key size'],
      [{ subjectAltNames: ['ok.example', 'not ok'] }, 'not ok'],
      [{ subjectAltNames: [''] }, 'subject alternative name'],
    ])('refuses %p with a CertificateError naming %p', async (override, message) => {
      const options = { commonName: 'ok.example', validityDays: 1, algorithm: 'ecdsa', ...override } as Parameters<
        typeof generateSelfSigned
      >[0];
      const attempt = generateSelfSigned(options);
      await expect(attempt).rejects.toBeInstanceOf(CertificateError);
      await expect(attempt).rejects.toThrow(message);
    });

    it('accepts the boundary values for common name length and validity', async () => {
      const longest = await generateSelfSigned({ commonName: 'x'.repeat(255), validityDays: 36500, algorithm: 'ecdsa' });
      const info = parseCertificatePem(longest.certificatePem);
      expect(info.commonName).toBe('x'.repeat(255));
      expect(Math.round((info.notAfter.getTime() - info.notBefore.getTime()) / DAY_MS)).toBe(36500);
    });
  });

  describe('parseCertificatePem', () => {
    it('computes the fingerprints as lower-case hex SHA-256 and SHA-1 of the DER', () => {
      const der = new X509Certificate(rsa.certificatePem).raw;
      const info = parseCertificatePem(rsa.certificatePem);
      expect(info.fingerprintSha256).toBe(createHash('sha256').update(der).digest('hex'));
      expect(info.fingerprintSha1).toBe(createHash('sha1').update(der).digest('hex'));
      expect(info.fingerprintSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(info.fingerprintSha1).toMatch(/^[0-9a-f]{40}$/);
      expect(parseCertificatePem(ec.certificatePem).fingerprintSha256).not.toBe(info.fingerprintSha256);
    });

    it('reads the first certificate of a chain and ignores text around it', () => {
      const chain = `Bag Attributes\n${ec.certificatePem}${rsa.certificatePem}`;
      expect(parseCertificatePem(chain).commonName).toBe('ec.example');
    });

    it('reads IP address SANs too', async () => {
      const keys = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
      const cert = await x509.X509CertificateGenerator.createSelfSigned({
        name: 'CN=ip.example',
        keys,
        signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
        extensions: [
          new x509.SubjectAlternativeNameExtension([
            { type: 'dns', value: 'ip.example' },
            { type: 'ip', value: '192.0.2.7' },
          ]),
        ],
      });
      expect(parseCertificatePem(cert.toString('pem')).sans).toEqual(['ip.example', '192.0.2.7']);
    });

    it.each([
      ['', 'empty text'],
      ['hello', 'plain text'],
      ['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----', 'a block that is not DER'],
      ['-----BEGIN CERTIFICATE-----\n<script>\n-----END CERTIFICATE-----', 'a block that is not base64'],
    ])('refuses %p (%s) with a CertificateError', (pem) => {
      expect(() => parseCertificatePem(pem)).toThrow(CertificateError);
    });

    it('refuses a private key passed as a certificate', () => {
      expect(() => parseCertificatePem(rsa.privateKeyPem)).toThrow(CertificateError);
      expect(() => parseCertificatePem(rsa.privateKeyPem)).toThrow('not a PEM-encoded certificate');
    });

    it('refuses a truncated certificate', () => {
      const lines = rsa.certificatePem.trim().split('\n');
      const truncated = [...lines.slice(0, lines.length / 2), lines[lines.length - 1]].join('\n');
      expect(() => parseCertificatePem(truncated)).toThrow('the certificate could not be parsed');
    });

    it('refuses oversized input without parsing it', () => {
      expect(() => parseCertificatePem(rsa.certificatePem + ' '.repeat(300 * 1024))).toThrow(CertificateError);
    });
  });

  describe('parsePrivateKeyPem', () => {
    it('parses PKCS#8, PKCS#1 and SEC1 private keys', () => {
      expect(parsePrivateKeyPem(rsa.privateKeyPem).type).toBe('private');
      const pkcs1 = parsePrivateKeyPem(rsa.privateKeyPem).export({ type: 'pkcs1', format: 'pem' }).toString();
      expect(pkcs1.startsWith('-----BEGIN RSA PRIVATE KEY-----')).toBe(true);
      expect(parsePrivateKeyPem(pkcs1).asymmetricKeyType).toBe('rsa');
      const sec1 = parsePrivateKeyPem(ec.privateKeyPem).export({ type: 'sec1', format: 'pem' }).toString();
      expect(parsePrivateKeyPem(sec1).asymmetricKeyType).toBe('ec');
    });

    it('refuses a certificate where a private key is expected', () => {
      expect(() => parsePrivateKeyPem(rsa.certificatePem)).toThrow(CertificateError);
      expect(() => parsePrivateKeyPem(rsa.certificatePem)).toThrow('not a private key');
    });

    it('refuses a public key, garbage and a damaged key', () => {
      const publicPem = new X509Certificate(rsa.certificatePem).publicKey.export({ type: 'spki', format: 'pem' }).toString();
      expect(() => parsePrivateKeyPem(publicPem)).toThrow(CertificateError);
      expect(() => parsePrivateKeyPem('garbage')).toThrow(CertificateError);
      expect(() => parsePrivateKeyPem('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----')).toThrow(CertificateError);
    });

    it('refuses an encrypted private key with a message saying so', () => {
      const { privateKey } = generateKeyPairSync('ec', {
        namedCurve: 'P-256',
        privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' },
        publicKeyEncoding: { type: 'spki', format: 'pem' },
      });
      expect(() => parsePrivateKeyPem(privateKey)).toThrow('encrypted private keys are not supported');
    });
  });

  describe('assertKeyMatchesCertificate', () => {
    it('refuses the key of another pair of the same algorithm', () => {
      expect(() => assertKeyMatchesCertificate(ec.certificatePem, otherEc.privateKeyPem)).toThrow(CertificateError);
      expect(() => assertKeyMatchesCertificate(ec.certificatePem, otherEc.privateKeyPem)).toThrow(
        'private key does not match the certificate',
      );
    });

    it('refuses a key of another algorithm', () => {
      expect(() => assertKeyMatchesCertificate(rsa.certificatePem, ec.privateKeyPem)).toThrow('private key does not match the certificate');
    });

    it('reports a bad certificate or a bad key as a CertificateError', () => {
      expect(() => assertKeyMatchesCertificate('garbage', rsa.privateKeyPem)).toThrow(CertificateError);
      expect(() => assertKeyMatchesCertificate(rsa.certificatePem, 'garbage')).toThrow(CertificateError);
    });
  });
});
