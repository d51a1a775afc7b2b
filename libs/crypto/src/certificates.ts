import 'reflect-metadata';
import { createHash, createPrivateKey, createPublicKey, webcrypto, X509Certificate, type KeyObject } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export class CertificateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CertificateError';
  }
}

export interface CertificateInfo {
  subject: string;
  issuer: string;
  commonName: string;
  subjectAltNames: string[];
  notBefore: Date;
  notAfter: Date;
  serialNumber: string;
  /** Lower-case hex of the SHA-256 digest of the DER certificate. */
  fingerprintSha256: string;
  fingerprintSha1: string;
  keyType: string;
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/** Parses the first certificate of a PEM text; throws CertificateError when there is none. */
export function parseCertificatePem(pem: string): CertificateInfo {
  const block = PEM_CERT.exec(pem)?.[0];
  if (!block) throw new CertificateError('not a PEM-encoded certificate');
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(block);
  } catch {
    throw new CertificateError('the certificate could not be parsed');
  }
  const der = cert.raw;
  return {
    subject: cert.subject.replace(/\n/g, ', '),
    issuer: cert.issuer.replace(/\n/g, ', '),
    commonName: /(?:^|\n)CN=([^\n]*)/.exec(cert.subject)?.[1] ?? '',
    subjectAltNames: (cert.subjectAltName ?? '')
      .split(', ')
      .filter(Boolean)
      .map((entry) => entry.replace(/^DNS:/, '')),
    notBefore: new Date(cert.validFrom),
    notAfter: new Date(cert.validTo),
    serialNumber: cert.serialNumber.toLowerCase(),
    fingerprintSha256: createHash('sha256').update(der).digest('hex'),
    fingerprintSha1: createHash('sha1').update(der).digest('hex'),
    keyType: cert.publicKey.asymmetricKeyType ?? 'unknown',
  };
}

/** Parses a private key PEM; throws CertificateError when it is not one. */
export function parsePrivateKeyPem(pem: string): KeyObject {
  if (!/-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/.test(pem)) throw new CertificateError('not a PEM-encoded private key');
  try {
    return createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new CertificateError('the private key could not be parsed (encrypted keys are not supported)');
  }
}

/** Throws CertificateError unless the private key belongs to the certificate. */
export function assertKeyMatchesCertificate(certificatePem: string, privateKeyPem: string): void {
  const block = PEM_CERT.exec(certificatePem)?.[0];
  if (!block) throw new CertificateError('not a PEM-encoded certificate');
  const certKey = new X509Certificate(block).publicKey.export({ type: 'spki', format: 'der' });
  const ownKey = createPublicKey(parsePrivateKeyPem(privateKeyPem)).export({ type: 'spki', format: 'der' });
  if (!certKey.equals(ownKey)) throw new CertificateError('the private key does not match the certificate');
}

export interface SelfSignedOptions {
  commonName: string;
  subjectAltNames?: string[];
  validityDays: number;
  algorithm: 'rsa' | 'ecdsa';
  /** RSA modulus size; defaults to 4096. */
  rsaBits?: number;
}

/** Generates a self-signed certificate and its PKCS#8 private key, both PEM. */
export async function generateSelfSigned(options: SelfSignedOptions): Promise<{ certificatePem: string; privateKeyPem: string }> {
  if (!options.commonName || options.commonName.length > 255) throw new CertificateError('the common name must have 1 to 255 characters');
  if (!Number.isInteger(options.validityDays) || options.validityDays < 1 || options.validityDays > 36500) {
    throw new CertificateError('validity must be between 1 and 36500 days');
  }
  const algorithm =
    options.algorithm === 'rsa'
      ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: options.rsaBits ?? 4096 }
      : { name: 'ECDSA', namedCurve: 'P-384', hash: 'SHA-384' };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const notBefore = new Date(Date.now() - 60_000);
  const notAfter = new Date(notBefore.getTime() + options.validityDays * 86_400_000);
  const usages =
    options.algorithm === 'rsa'
      ? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment
      : x509.KeyUsageFlags.digitalSignature;
  const cn = options.commonName.replace(/([,+"\\<>;=])/g, '\\$1');
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)))
      .toString('hex')
      .replace(/^[89a-f]/, '1'),
    name: `CN=${cn}, O=authmesh, OU=Self-signed`,
    notBefore,
    notAfter,
    keys,
    signingAlgorithm: algorithm,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(usages, true),
      ...(options.subjectAltNames?.length
        ? [new x509.SubjectAlternativeNameExtension(options.subjectAltNames.map((value) => ({ type: 'dns' as const, value })))]
        : []),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const privateKeyPem = `-----BEGIN PRIVATE KEY-----\n${(pkcs8.toString('base64').match(/.{1,64}/g) ?? []).join('\n')}\n-----END PRIVATE KEY-----\n`;
  return { certificatePem: cert.toString('pem'), privateKeyPem };
}
