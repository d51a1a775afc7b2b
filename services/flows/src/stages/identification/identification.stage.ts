import { GrpcStatus, RpcCallError, type User__Output } from '@authmesh/rpc';
import { signedInWithPasskey } from '../authenticator-webauthn/passkey-login.js';
import { assertionOptions, verifyAssertion, type UserVerification } from '../authenticator-webauthn/relying-party.js';
import { checkPassword, INBUILT_BACKEND } from '../password/password-check.js';
import { challenge, invalid, MAX_CREDENTIAL_LENGTH, next, stringField, type StageContext, type StageRuntime } from '../stage-runtime.js';

const FAILED = 'Failed to authenticate.';
const PASSKEY_CEREMONY = 'webauthn_passkey';

/**
 * Asks who the user is. When nobody matches, the flow goes on as if someone did and fails
 * later exactly like a wrong password, so the answer never tells which usernames exist.
 */
export const identificationStage: StageRuntime = {
  type: 'identification',
  component: 'ak-stage-identification',
  async challenge(ctx) {
    return challenge({
      user_fields: ctx.settings.user_fields ?? ['username', 'email'],
      password_fields: Boolean(ctx.settings.password_stage),
      primary_action: 'Log in',
      show_source_labels: ctx.settings.show_source_labels === true,
      sources: [],
      flow_designation: ctx.flow.designation,
      ...flowLinks(ctx),
      ...(await passkeyChallenge(ctx)),
    });
  },
  async submit(ctx, response) {
    if (response.passkey !== undefined && ctx.settings.webauthn_stage) return passkeySubmit(ctx, response.passkey);
    const uid = stringField(response, 'uid_field')?.trim();
    if (!uid) return invalid({ uid_field: ['This field is required.'] });
    if (uid.length > MAX_CREDENTIAL_LENGTH)
      return invalid({ uid_field: [`Ensure this field has no more than ${MAX_CREDENTIAL_LENGTH} characters.`] });
    const user = await findUser(ctx, uid);
    ctx.plan.pending_user_identifier = uid;
    if (user) ctx.plan.pending_user = user.pk;
    else delete ctx.plan.pending_user;
    delete ctx.plan.auth_backend;

    if (!ctx.settings.password_stage) return next();
    const password = stringField(response, 'password');
    if (!password) return invalid({ password: ['This field is required.'] });
    if (password.length > MAX_CREDENTIAL_LENGTH)
      return invalid({ password: [`Ensure this field has no more than ${MAX_CREDENTIAL_LENGTH} characters.`] });
    const stage = await ctx.services.config.getStage(String(ctx.settings.password_stage));
    const settings = JSON.parse(stage.settings_json) as { backends?: string[] };
    const check = await checkPassword(ctx, settings.backends ?? [INBUILT_BACKEND], password);
    return check.ok ? next() : invalid({ non_field_errors: [FAILED] }, true);
  },
};

/** With a WebAuthn stage configured, the form also offers passkey sign-in (browser autofill). */
async function passkeyChallenge(ctx: StageContext): Promise<{ passkey_challenge?: unknown }> {
  if (!ctx.settings.webauthn_stage) return {};
  return { passkey_challenge: await assertionOptions(ctx, PASSKEY_CEREMONY, [], await passkeyVerification(ctx)) };
}

/** A passkey answers who the user is and proves it: the flow goes on past password and second factor. */
async function passkeySubmit(ctx: StageContext, answer: unknown) {
  const check = await verifyAssertion(ctx, PASSKEY_CEREMONY, answer, await passkeyVerification(ctx), null);
  if (!check.ok) {
    await ctx.services.emitEvent('login_failed', null, ctx.request.clientIp, { reason: 'invalid passkey' });
    return invalid({ passkey: [check.error] }, true);
  }
  signedInWithPasskey(ctx, check.user, check.device.pk);
  return next();
}

/** The user verification the linked validation stage asks of WebAuthn. */
async function passkeyVerification(ctx: StageContext): Promise<UserVerification> {
  const stage = await ctx.services.config.getStage(String(ctx.settings.webauthn_stage)).catch(() => null);
  const value = stage ? (JSON.parse(stage.settings_json) as { webauthn_user_verification?: string }).webauthn_user_verification : undefined;
  // A missing or unreadable stage asks for the strictest verification rather than the weakest.
  return value === 'preferred' || value === 'discouraged' ? value : 'required';
}

/** Links to the enrollment, recovery and passwordless flows the stage names, keeping the query (e.g. `next`). */
function flowLinks(ctx: StageContext): Record<string, string> {
  const links: Record<string, string> = {};
  const query = ctx.request.query.toString();
  for (const [setting, field] of [
    ['enrollment_flow_slug', 'enroll_url'],
    ['recovery_flow_slug', 'recovery_url'],
    ['passwordless_flow_slug', 'passwordless_url'],
  ] as const) {
    const slug = ctx.settings[setting];
    if (typeof slug === 'string' && slug) links[field] = `/if/flow/${encodeURIComponent(slug)}/${query ? `?${query}` : ''}`;
  }
  return links;
}

/** The first user any configured field matches. */
async function findUser(ctx: StageContext, uid: string): Promise<User__Output | null> {
  const fields = (ctx.settings.user_fields as string[] | undefined) ?? ['username', 'email'];
  const exact = ctx.settings.case_insensitive_matching === false;
  // Every configured field is looked up, found or not, so the number of calls does not depend on who exists.
  const found = await Promise.all(
    fields
      .filter((f): f is 'username' | 'email' | 'upn' => f === 'username' || f === 'email' || f === 'upn')
      .map(async (field) => ({ field, user: await lookup(ctx, field, uid) })),
  );
  for (const { field, user } of found) {
    if (!user) continue;
    const attributes = JSON.parse(user.attributes_json || '{}') as { upn?: string };
    const stored = field === 'username' ? user.username : field === 'email' ? user.email : String(attributes.upn ?? '');
    if (exact && stored !== uid) continue;
    return user;
  }
  return null;
}

async function lookup(ctx: StageContext, field: 'username' | 'email' | 'upn', value: string): Promise<User__Output | null> {
  try {
    return await ctx.services.identity.getUser({ [field]: value });
  } catch (error) {
    if (error instanceof RpcCallError && error.status === GrpcStatus.NOT_FOUND) return null;
    throw error;
  }
}
