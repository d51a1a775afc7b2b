import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { GrpcStatus, RpcCallError, type User__Output } from '@authmesh/rpc';
import { pendingUser } from '../pending-user.js';
import { challenge, deny, invalid, next, type StageContext, type StageRuntime } from '../stage-runtime.js';
import { CEREMONY_TIMEOUT_MS, credentialResponse, relyingParty, rememberCeremony, takeCeremony, webauthnUserId } from './relying-party.js';

const CEREMONY = 'webauthn_registration';
/** ES256, EdDSA and RS256: what security keys and platform authenticators use. */
const ALGORITHMS = [-7, -8, -257];
const NO_AAGUID = '00000000-0000-0000-0000-000000000000';

/**
 * Registers a security key or passkey: sends creation options (excluding the user's
 * existing credentials) and records the credential once its attestation verifies with
 * this stage's user verification and authenticator model rules.
 */
export const authenticatorWebauthnStage: StageRuntime = {
  type: 'authenticator_webauthn',
  component: 'ak-stage-authenticator-webauthn',
  async challenge(ctx) {
    const user = await pendingUser(ctx);
    if (!user) return deny('Log in before setting up an authenticator.');
    return challenge({ registration: await registrationOptions(ctx, user), pending_user: user.username, pending_user_avatar: '' });
  },
  async submit(ctx, response) {
    const user = await pendingUser(ctx);
    if (!user) return deny('Log in before setting up an authenticator.');
    const expected = takeCeremony(ctx, CEREMONY);
    const answer = credentialResponse<RegistrationResponseJSON>(response.response);
    if (!expected) return retry('This request expired. Try again.');
    if (!answer) return retry('The authenticator sent an answer that could not be read.');

    const rp = relyingParty(ctx);
    let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      verification = await verifyRegistrationResponse({
        response: answer,
        expectedChallenge: expected,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        requireUserVerification: ctx.settings.user_verification === 'required',
        supportedAlgorithmIDs: ALGORITHMS,
      });
    } catch (error) {
      ctx.services.logger.info({ err: (error as Error).message }, 'WebAuthn registration refused');
      return retry('The authenticator could not be verified.');
    }
    if (!verification.verified) return retry('The authenticator could not be verified.');
    const info = verification.registrationInfo;
    if (!modelAllowed(ctx, info.aaguid)) return retry('This kind of authenticator is not allowed here.');

    try {
      await ctx.services.identity.enrollWebauthn({
        user_pk: user.pk,
        name: String(ctx.settings.friendly_name || deviceName(answer)),
        key: {
          credential_id: info.credential.id,
          public_key: Buffer.from(info.credential.publicKey).toString('base64url'),
          sign_count: info.credential.counter,
          transports: info.credential.transports ?? [],
        },
        aaguid: info.aaguid,
        stage_pk: ctx.binding.stage?.pk ?? '',
      });
    } catch (error) {
      // Core refuses a credential some account already holds.
      if (error instanceof RpcCallError && error.status === GrpcStatus.INVALID_ARGUMENT)
        return retry('This authenticator is already registered.');
      throw error;
    }
    return next();
  },
};

/** Refuses the answer; the executor shows the challenge again, with fresh options (each challenge is used once). */
function retry(message: string) {
  return invalid({ response: [message] });
}

async function registrationOptions(ctx: StageContext, user: User__Output) {
  const rp = relyingParty(ctx);
  const existing = (await ctx.services.identity.listDevices(user.pk)).flatMap((d) =>
    d.type === 'webauthn' && d.webauthn?.credential_id ? [d.webauthn] : [],
  );
  const restricted = restrictions(ctx).length > 0;
  const attachment = ctx.settings.authenticator_attachment;
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.username,
    userID: webauthnUserId(user),
    userDisplayName: user.name || user.username,
    timeout: CEREMONY_TIMEOUT_MS,
    // The authenticator model is only trustworthy from an attestation; ask for one when models are restricted.
    attestationType: restricted ? 'direct' : 'none',
    excludeCredentials: existing.map((key) => ({ id: key.credential_id, transports: key.transports as AuthenticatorTransport[] })),
    authenticatorSelection: {
      residentKey: setting(ctx.settings.resident_key_requirement, ['discouraged', 'preferred', 'required'] as const, 'preferred'),
      userVerification: setting(ctx.settings.user_verification, ['required', 'preferred', 'discouraged'] as const, 'preferred'),
      ...(attachment === 'platform' || attachment === 'cross-platform' ? { authenticatorAttachment: attachment } : {}),
    },
    supportedAlgorithmIDs: ALGORITHMS,
  });
  rememberCeremony(ctx, CEREMONY, options.challenge);
  return options;
}

function restrictions(ctx: StageContext): string[] {
  return Array.isArray(ctx.settings.device_type_restrictions) ? (ctx.settings.device_type_restrictions as string[]) : [];
}

/** With restrictions, only listed models register; an authenticator that does not say its model is refused. */
function modelAllowed(ctx: StageContext, aaguid: string): boolean {
  const allowed = restrictions(ctx);
  if (allowed.length === 0) return true;
  return aaguid !== NO_AAGUID && allowed.includes(aaguid.toLowerCase());
}

function deviceName(answer: RegistrationResponseJSON): string {
  return answer.authenticatorAttachment === 'platform' ? 'Passkey' : 'Security key';
}

function setting<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}
