import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

/** What a relying party sends to create a credential (the JSON form of PublicKeyCredentialCreationOptions). */
export interface CreationOptions {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName: string };
  excludeCredentials?: Array<{ id: string }>;
}

/** What a relying party sends to get an assertion (the JSON form of PublicKeyCredentialRequestOptions). */
export interface RequestOptions {
  challenge: string;
  rpId?: string;
  allowCredentials?: Array<{ id: string }>;
}

interface StoredCredential {
  id: string;
  rpId: string;
  userHandle: string;
  privateKey: KeyObject;
  counter: number;
}

export interface SoftAuthenticatorOptions {
  /** The origin the "browser" runs on; clientDataJSON carries it. */
  origin: string;
  /** The authenticator model (AAGUID); all zeros by default, as most authenticators send with attestation "none". */
  aaguid?: string;
  /** Whether the user is verified (PIN or biometrics) in every ceremony. Default true. */
  userVerified?: boolean;
  /** Signature counter increment per assertion; 0 models authenticators that keep no counter. Default 1. */
  counterStep?: number;
}

/**
 * A WebAuthn authenticator in software, for tests that speak the protocol over HTTP: it
 * creates ES256 credentials (attestation "none") and signs assertions exactly as a
 * browser would hand them to the relying party, so the server cannot tell it from a
 * security key. Credentials are discoverable (usable without allowCredentials).
 */
export class SoftAuthenticator {
  readonly credentials: StoredCredential[] = [];

  constructor(private readonly options: SoftAuthenticatorOptions) {}

  /** Answers a registration request like navigator.credentials.create(), as RegistrationResponseJSON. */
  register(options: CreationOptions) {
    const rpId = options.rp.id ?? new URL(this.options.origin).hostname;
    const excluded = new Set((options.excludeCredentials ?? []).map((c) => c.id));
    if (this.credentials.some((c) => c.rpId === rpId && excluded.has(c.id))) throw new Error('InvalidStateError: credential excluded');
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const id = randomBytes(32);
    const cose = cbor(
      new Map<number, unknown>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x as string, 'base64url')],
        [-3, Buffer.from(jwk.y as string, 'base64url')],
      ]),
    );
    const credential = { id: id.toString('base64url'), rpId, userHandle: options.user.id, privateKey, counter: 0 };
    this.credentials.push(credential);
    const aaguid = Buffer.from((this.options.aaguid ?? '00000000-0000-0000-0000-000000000000').replace(/-/g, ''), 'hex');
    const length = Buffer.alloc(2);
    length.writeUInt16BE(id.length);
    const authData = Buffer.concat([this.authenticatorData(rpId, 0x40, 0), aaguid, length, id, cose]);
    const clientData = this.clientData('webauthn.create', options.challenge);
    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key',
      authenticatorAttachment: 'cross-platform',
      clientExtensionResults: {},
      response: {
        clientDataJSON: clientData.toString('base64url'),
        attestationObject: cbor(
          new Map<string, unknown>([
            ['fmt', 'none'],
            ['attStmt', new Map()],
            ['authData', authData],
          ]),
        ).toString('base64url'),
        transports: ['usb'],
      },
    };
  }

  /**
   * Answers an authentication request like navigator.credentials.get(), as
   * AuthenticationResponseJSON; `credentialId` picks one when several would do.
   */
  assert(options: RequestOptions, credentialId?: string) {
    const rpId = options.rpId ?? new URL(this.options.origin).hostname;
    const allowed = new Set((options.allowCredentials ?? []).map((c) => c.id));
    const credential = this.credentials.find(
      (c) => c.rpId === rpId && (allowed.size === 0 || allowed.has(c.id)) && (!credentialId || c.id === credentialId),
    );
    if (!credential) throw new Error('NotAllowedError: no matching credential');
    credential.counter += this.options.counterStep ?? 1;
    const authData = this.authenticatorData(rpId, 0, credential.counter);
    const clientData = this.clientData('webauthn.get', options.challenge);
    const signed = Buffer.concat([authData, createHash('sha256').update(clientData).digest()]);
    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key',
      authenticatorAttachment: 'cross-platform',
      clientExtensionResults: {},
      response: {
        clientDataJSON: clientData.toString('base64url'),
        authenticatorData: authData.toString('base64url'),
        signature: sign('sha256', signed, credential.privateKey).toString('base64url'),
        userHandle: credential.userHandle,
      },
    };
  }

  private authenticatorData(rpId: string, extraFlags: number, counter: number): Buffer {
    const flags = 0x01 | (this.options.userVerified === false ? 0 : 0x04) | extraFlags;
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    return Buffer.concat([createHash('sha256').update(rpId).digest(), Buffer.from([flags]), count]);
  }

  private clientData(type: string, challenge: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin: this.options.origin, crossOrigin: false }));
  }
}

/** Minimal CBOR (RFC 8949) encoding of what WebAuthn structures hold: integers, text, bytes and maps. */
function cbor(value: unknown): Buffer {
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  if (value instanceof Map) {
    const parts = [head(5, value.size)];
    for (const [key, item] of value) parts.push(cbor(key), cbor(item));
    return Buffer.concat(parts);
  }
  throw new Error(`cannot encode ${typeof value} as CBOR`);
}

function head(major: number, length: number): Buffer {
  if (length < 24) return Buffer.from([(major << 5) | length]);
  if (length < 0x100) return Buffer.from([(major << 5) | 24, length]);
  const out = Buffer.alloc(3);
  out[0] = (major << 5) | 25;
  out.writeUInt16BE(length, 1);
  return out;
}
