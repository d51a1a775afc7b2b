import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { GrpcStatus, RpcCallError, type Device__Output, type User__Output } from '@authmesh/rpc';
import type { StageContext } from '../stage-runtime.js';

/** Biggest WebAuthn response (JSON) we parse; real ones are a few kilobytes. */
const MAX_RESPONSE_CHARS = 32_768;
/** How long the browser may take to answer a WebAuthn ceremony, in milliseconds. */
export const CEREMONY_TIMEOUT_MS = 120_000;

export type UserVerification = 'required' | 'preferred' | 'discouraged';

/** Who we are to authenticators: the RP id is the public host name, the origin its URL. */
export interface RelyingParty {
  id: string;
  origin: string;
  name: string;
}

/** The relying party of this request: AUTHMESH_EXTERNAL_URL when set, else the request's own host. */
export function relyingParty(ctx: StageContext): RelyingParty {
  const origin = new URL(ctx.services.externalUrl ?? `${ctx.request.secure ? 'https' : 'http'}://${ctx.request.host}`).origin;
  return { id: new URL(origin).hostname, origin, name: ctx.flow.title || 'authmesh' };
}

/** A WebAuthn ceremony waiting for the browser's answer, kept in the plan. */
export interface PendingCeremony {
  binding: string;
  challenge: string;
  /** Unix milliseconds after which the answer is refused. */
  expires: number;
}

/** Remembers the challenge of a new ceremony under `key` in the plan. */
export function rememberCeremony(ctx: StageContext, key: string, challenge: string): void {
  const pending: PendingCeremony = { binding: ctx.binding.pk, challenge, expires: Date.now() + CEREMONY_TIMEOUT_MS };
  ctx.plan[key] = pending;
}

/** Takes the pending ceremony's challenge out of the plan (single use), if it is this binding's and still valid. */
export function takeCeremony(ctx: StageContext, key: string): string | null {
  const pending = ctx.plan[key] as PendingCeremony | undefined;
  ctx.plan[key] = undefined;
  if (!pending || pending.binding !== ctx.binding.pk || pending.expires < Date.now()) return null;
  return pending.challenge;
}

/**
 * Parses a WebAuthn response object from a flow response: the right shape and size, or
 * null. The library checks the cryptography; this only keeps garbage away from it.
 */
export function credentialResponse<T extends { id: string; rawId: string; type: string; response: object }>(value: unknown): T | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  if (JSON.stringify(value).length > MAX_RESPONSE_CHARS) return null;
  const candidate = value as Partial<T>;
  const base64url = /^[A-Za-z0-9_-]+$/;
  if (typeof candidate.id !== 'string' || !base64url.test(candidate.id) || candidate.rawId !== candidate.id) return null;
  if (candidate.type !== 'public-key' || !candidate.response || typeof candidate.response !== 'object') return null;
  return value as T;
}

/** Options asking for an assertion by one of `devices` (or any discoverable credential when empty). */
export async function assertionOptions(
  ctx: StageContext,
  key: string,
  devices: Device__Output[],
  userVerification: UserVerification,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(ctx).id,
    allowCredentials: devices.flatMap((d) =>
      d.webauthn?.credential_id ? [{ id: d.webauthn.credential_id, transports: d.webauthn.transports }] : [],
    ),
    userVerification,
    timeout: CEREMONY_TIMEOUT_MS,
  });
  rememberCeremony(ctx, key, options.challenge);
  return options;
}

export type AssertionCheck = { ok: true; user: User__Output; device: Device__Output } | { ok: false; error: string };

/**
 * Verifies an assertion answering the ceremony under `key`. With `user`, the credential
 * must be one of that user's devices; without, the credential names its user
 * (passwordless), and the authenticator's user handle must agree. The signature counter
 * is recorded in core, which refuses one that went backwards.
 */
export async function verifyAssertion(
  ctx: StageContext,
  key: string,
  raw: unknown,
  userVerification: UserVerification,
  user: User__Output | null,
): Promise<AssertionCheck> {
  const challengeValue = takeCeremony(ctx, key);
  const response = credentialResponse<AuthenticationResponseJSON>(raw);
  if (!challengeValue) return { ok: false, error: 'This request expired. Try again.' };
  if (!response) return { ok: false, error: 'The authenticator sent an answer that could not be read.' };

  const owner = user ? { user, device: await ownDevice(ctx, user, response.id) } : await credentialOwner(ctx, response.id);
  if (!owner?.device?.webauthn) return { ok: false, error: 'This authenticator is not registered for this account.' };
  if (!user && !userHandleMatches(response, owner.user))
    return { ok: false, error: 'This authenticator is not registered for this account.' };

  const rp = relyingParty(ctx);
  let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challengeValue,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: userVerification === 'required',
      credential: {
        id: owner.device.webauthn.credential_id,
        publicKey: Buffer.from(owner.device.webauthn.public_key, 'base64url'),
        // Core judges the counter, atomically and with an event; the library would only throw a bare error.
        counter: 0,
        transports: owner.device.webauthn.transports as never,
      },
    });
  } catch (error) {
    ctx.services.logger.info({ err: (error as Error).message }, 'WebAuthn assertion refused');
    return { ok: false, error: 'The authenticator could not be verified.' };
  }
  if (!verification.verified) return { ok: false, error: 'The authenticator could not be verified.' };
  const used = await ctx.services.identity.useWebauthnDevice({
    user_pk: owner.user.pk,
    device_pk: owner.device.pk,
    sign_count: verification.authenticationInfo.newCounter,
  });
  if (!used) return { ok: false, error: 'This authenticator may have been copied; it was refused.' };
  return { ok: true, user: owner.user, device: owner.device };
}

async function ownDevice(ctx: StageContext, user: User__Output, credentialId: string): Promise<Device__Output | undefined> {
  const devices = await ctx.services.identity.listDevices(user.pk);
  return devices.find((d) => d.confirmed && d.type === 'webauthn' && d.webauthn?.credential_id === credentialId);
}

async function credentialOwner(ctx: StageContext, credentialId: string): Promise<{ user: User__Output; device: Device__Output } | null> {
  try {
    const found = await ctx.services.identity.findWebauthnCredential(credentialId);
    if (!found.device) return null;
    const user = await ctx.services.identity.getUser({ pk: found.user_pk });
    return user.is_active ? { user, device: found.device } : null;
  } catch (error) {
    if (error instanceof RpcCallError && error.status === GrpcStatus.NOT_FOUND) return null;
    throw error;
  }
}

/** The user handle we register is the user's UUID; a discoverable credential hands it back. */
export function webauthnUserId(user: User__Output): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(Buffer.from(user.uuid, 'utf8'));
}

function userHandleMatches(response: AuthenticationResponseJSON, user: User__Output): boolean {
  const handle = response.response.userHandle;
  if (!handle) return false;
  return Buffer.from(handle, 'base64url').toString('utf8') === user.uuid;
}
