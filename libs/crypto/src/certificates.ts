// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata';
import { createHash, createPrivateKey, createPublicKey, KeyObject, webcrypto, X509Certificate } from 'node:crypto';
import * as x509 from '@peculiar/x509';

// Node's webcrypto implements the standard Crypto interface; the cast only bridges the DOM
// and Node type declarations of the same thing.
x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

/** Thrown with a message fit for an administrator when a certificate or key cannot be used. */
export class CertificateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CertificateError';
  }
}

/** Key algorithm of a certificate, as node:crypto names it (`unknown` when it has no name for it). */
export type CertificateKeyType = NonNullable<KeyObject['asymmetricKeyType']> | 'unknown';

export interface CertificateInfo {
  /** Subject distinguished name as RFC 2253-escaped text, attributes joined with ", " (e.g. `CN=sso.example, O=authmesh`). */
  subject: string;
  issuer: string;
  /** The subject's (first) CN as stored, unescaped, or '' when it has none. */
  commonName: string;
  /** Subject alternative names in certificate order: DNS names, IP addresses, e-mail addresses and URIs, as plain values. */
  sans: string[];
  notBefore: Date;
  notAfter: Date;
  /** Lower-case hex without leading zeros, as node:crypto prints it. */
  serialNumber: string;
  /** Lower-case hex, no separators, of the SHA-256 digest of the DER certificate (64 characters). */
  fingerprintSha256: string;
  /** Lower-case hex, no separators, of the SHA-1 digest of the DER certificate (40 characters). */
  fingerprintSha1: string;
  keyType: CertificateKeyType;
}

export interface SelfSignedOptions {
  /** 1 to 255 characters. */
  commonName: string;
  /** DNS names for the subjectAltName extension; none leaves the extension out. */
  subjectAltNames?: string[];
  /** 1 to 36500. */
  validityDays: number;
  /** `rsa`: RSASSA-PKCS1-v1_5 with SHA-256; `ecdsa`: P-384 with SHA-384. */
  algorithm: 'rsa' | 'ecdsa';
  /** RSA modulus size, 2048, 3072 or 4096; defaults to 4096 as the reference product does. */
  rsaBits?: 2048 | 3072 | 4096;
}

export interface KeyPairPem {
  certificatePem: string;
  /** PKCS#8, unencrypted. */
  privateKeyPem: string;
}

/** A PEM text may carry a chain; anything larger than this is not a certificate we will store. */
const MAX_PEM_LENGTH = 256 * 1024;
const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+?-----END CERTIFICATE-----/;
const PRIVATE_KEY_HEADER = /-----BEGIN (?:(?:RSA|EC|ENCRYPTED) )?PRIVATE KEY-----/;
const DAY_MS = 86_400_000;

/** Parses the first certificate of a PEM text (a chain is allowed); throws CertificateError when there is none. */
export function parseCertificatePem(pem: string): CertificateInfo {
  const cert = readCertificate(pem);
  const der = cert.raw;
  const { commonName, sans } = readNames(der);
  return {
    subject: cert.subject.split('\n').join(', '),
    issuer: cert.issuer.split('\n').join(', '),
    commonName,
    sans,
    notBefore: readDate(cert.validFrom),
    notAfter: readDate(cert.validTo),
    serialNumber: cert.serialNumber.toLowerCase().replace(/^0+(?=.)/, ''),
    fingerprintSha256: createHash('sha256').update(der).digest('hex'),
    fingerprintSha1: createHash('sha1').update(der).digest('hex'),
    keyType: cert.publicKey.asymmetricKeyType ?? 'unknown',
  };
}

/** Parses an unencrypted private key PEM (PKCS#8, PKCS#1 or SEC1); throws CertificateError when it is not one. */
export function parsePrivateKeyPem(pem: string): KeyObject {
  if (typeof pem !== 'string' || pem.length > MAX_PEM_LENGTH || !PRIVATE_KEY_HEADER.test(pem)) {
    throw new CertificateError('not a private key');
  }
  if (pem.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----')) {
    throw new CertificateError('encrypted private keys are not supported; remove the passphrase first');
  }
  try {
    return createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new CertificateError('not a private key: the key could not be parsed');
  }
}

/** Throws CertificateError unless the private key belongs to the (first) certificate of the PEM text. */
export function assertKeyMatchesCertificate(certificatePem: string, privateKeyPem: string): void {
  const certificateKey = readCertificate(certificatePem).publicKey.export({ type: 'spki', format: 'der' });
  const ownKey = createPublicKey(parsePrivateKeyPem(privateKeyPem)).export({ type: 'spki', format: 'der' });
  if (!certificateKey.equals(ownKey)) throw new CertificateError('private key does not match the certificate');
}

/** Generates a self-signed end-entity certificate and its PKCS#8 private key, both PEM. */
export async function generateSelfSigned(options: SelfSignedOptions): Promise<KeyPairPem> {
  validateSelfSignedOptions(options);
  const rsa = options.algorithm === 'rsa';
  const algorithm = rsa
    ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: options.rsaBits ?? 4096 }
    : { name: 'ECDSA', namedCurve: 'P-384', hash: 'SHA-384' };
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  // Backdated a minute so a verifier whose clock is slightly behind still accepts it at once.
  const notBefore = new Date(Date.now() - 60_000);
  const notAfter = new Date(notBefore.getTime() + options.validityDays * DAY_MS);
  const keyUsages = rsa ? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment : x509.KeyUsageFlags.digitalSignature;
  const sans = options.subjectAltNames ?? [];
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerialNumber(),
    name: subjectName(options.commonName),
    notBefore,
    notAfter,
    keys,
    signingAlgorithm: algorithm,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(keyUsages, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ...(sans.length ? [new x509.SubjectAlternativeNameExtension(sans.map((value) => ({ type: 'dns' as const, value })))] : []),
    ],
  });
  const privateKeyPem = KeyObject.from(keys.privateKey).export({ type: 'pkcs8', format: 'pem' }).toString();
  return { certificatePem: certificate.toString('pem'), privateKeyPem };
}

function readCertificate(pem: string): X509Certificate {
  if (typeof pem !== 'string' || pem.length > MAX_PEM_LENGTH) throw new CertificateError('not a PEM-encoded certificate');
  const block = CERTIFICATE_BLOCK.exec(pem)?.[0];
  if (!block) throw new CertificateError('not a PEM-encoded certificate');
  try {
    return new X509Certificate(block);
  } catch {
    throw new CertificateError('the certificate could not be parsed');
  }
}

/** node:crypto only offers the escaped DN text and a SAN string; @peculiar/x509 gives the raw values. */
function readNames(der: Buffer): { commonName: string; sans: string[] } {
  try {
    const cert = new x509.X509Certificate(der);
    const extension = cert.getExtension(x509.SubjectAlternativeNameExtension);
    const sans = (extension?.names.items ?? [])
      .filter((name) => name.type === 'dns' || name.type === 'ip' || name.type === 'email' || name.type === 'url')
      .map((name) => name.value);
    return { commonName: cert.subjectName.getField('CN')[0] ?? '', sans };
  } catch {
    throw new CertificateError('the names in the certificate could not be parsed');
  }
}

function readDate(text: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new CertificateError('the certificate has an unreadable validity period');
  return date;
}

/**
 * Typed values are taken literally; plain strings would be read as RFC 4514 text, where quotes,
 * backslashes and a leading '#' change the value that ends up in the certificate.
 */
function subjectName(commonName: string): x509.Name {
  return new x509.Name([
    { CN: [{ utf8String: commonName }] },
    { O: [{ utf8String: 'authmesh' }] },
    { OU: [{ utf8String: 'Self-signed' }] },
  ]);
}

/** 16 random bytes with the top bit clear (positive) and the next set (no leading zero byte). */
function randomSerialNumber(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0] & 0x3f) | 0x40;
  return Buffer.from(bytes).toString('hex');
}

function validateSelfSignedOptions(options: SelfSignedOptions): void {
  const { commonName, validityDays, algorithm, rsaBits, subjectAltNames = [] } = options;
  if (typeof commonName !== 'string' || commonName.trim() === '' || commonName.length > 255 || hasControlCharacter(commonName)) {
    throw new CertificateError('the common name must have 1 to 255 printable characters');
  }
  if (!Number.isInteger(validityDays) || validityDays < 1 || validityDays > 36500) {
    throw new CertificateError('validity must be a whole number of days between 1 and 36500');
  }
  if (algorithm !== 'rsa' && algorithm !== 'ecdsa') throw new CertificateError('the algorithm must be rsa or ecdsa');
  if (rsaBits !== undefined && ![2048, 3072, 4096].includes(rsaBits)) {
    throw new CertificateError('the RSA key size must be 2048, 3072 or 4096 bits');
  }
  const invalid = subjectAltNames.find((name) => typeof name !== 'string' || !/^[^\s,]{1,253}$/.test(name) || hasControlCharacter(name));
  if (invalid !== undefined) throw new CertificateError(`"${String(invalid)}" is not a usable DNS subject alternative name`);
}

function hasControlCharacter(text: string): boolean {
  return /[\u0000-\u001f\u007f]/.test(text);
}
