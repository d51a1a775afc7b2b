import { createHash, randomInt } from 'node:crypto';
import { Writable } from 'node:stream';
import { Secret, TOTP } from 'otpauth';
import type { ExpressionEngine } from '@authmesh/expressions';
import { OutboundClient } from '@authmesh/outbound';
import { createLogger, type Logger } from '@authmesh/logger';
import {
  GrpcStatus,
  RpcCallError,
  type FlowConfigClient,
  type FlowDefinition__Output,
  type FlowStageBinding__Output,
  type IdentityClient,
  type Device__Output,
  type EnrollWebauthnRequest,
  type UseWebauthnDeviceRequest,
  type PolicyBinding__Output,
  type StageDefinition__Output,
  type User__Output,
} from '@authmesh/rpc';
import type { PlanContext } from '../src/executor/plan-context.js';
import { dummyPolicy } from '../src/policies/dummy/dummy.policy.js';
import { eventMatcherPolicy } from '../src/policies/event-matcher/event-matcher.policy.js';
import { passwordExpiryPolicy } from '../src/policies/password-expiry/password-expiry.policy.js';
import { PolicyEngine } from '../src/policies/policy-engine.js';
import type { PolicyRequest, PolicyRuntime } from '../src/policies/policy-runtime.js';
import { reputationPolicy } from '../src/policies/reputation/reputation.policy.js';
import type { ReputationKind, ReputationRepository } from '../src/reputation/reputation.repository.js';
import { ReputationService } from '../src/reputation/reputation.service.js';
import type { PromptField } from '../src/stages/prompt/prompt-fields.js';
import type { StageContext, StageRequest } from '../src/stages/stage-runtime.js';
import type { CookieChange, EventActor, ResponseControl, StageServices } from '../src/stages/stage-services.js';

/** The client address every built context uses unless a test gives another. */
export const CLIENT_IP = '203.0.113.7';

/** A user the fake core knows, with the secrets it checks (plain text: it only ever answers tests). */
export interface KnownUser {
  user: User__Output;
  password?: string;
  /** A token key with the intent `app_password`. */
  appPassword?: string;
}

/** A complete user message as core sends it, with plain defaults for what the test does not care about. */
export function testUser(fields: Partial<User__Output> & Pick<User__Output, 'pk' | 'username'>): User__Output {
  return {
    uuid: `00000000-0000-4000-8000-${fields.pk.padStart(12, '0')}`,
    name: '',
    email: '',
    is_active: true,
    type: 'internal',
    path: 'users',
    attributes_json: '{}',
    groups: [],
    is_superuser: false,
    last_login: '',
    password_changed: '',
    has_password: true,
    ...fields,
  };
}

/** A flow definition with no bindings unless given. */
export function flowDefinition(fields: Partial<FlowDefinition__Output> = {}): FlowDefinition__Output {
  return {
    pk: 'flow-1',
    slug: 'default-authentication-flow',
    name: 'Welcome',
    title: 'Welcome',
    designation: 'authentication',
    authentication: 'none',
    layout: 'stacked',
    background: '',
    denied_action: 'message_continue',
    policy_engine_mode: 'any',
    compatibility_mode: false,
    bindings: [],
    policy_bindings: [],
    ...fields,
  };
}

/** A stage definition as core serves it: settings as a JSON string. */
export function stageDefinition(pk: string, type: string, settings: Record<string, unknown> = {}): StageDefinition__Output {
  return { pk, name: `${type}-${pk}`, type, settings_json: JSON.stringify(settings) };
}

/** A flow-stage binding of a stage. */
export function stageBinding(fields: Partial<FlowStageBinding__Output> = {}): FlowStageBinding__Output {
  return {
    pk: 'binding-1',
    order: 10,
    evaluate_on_plan: false,
    re_evaluate_policies: false,
    policy_engine_mode: 'any',
    invalid_response_action: 'retry',
    stage: stageDefinition('stage-1', 'dummy'),
    ...fields,
  };
}

/** A policy binding of a policy of `type` with `settings` (use `fields` for group and user subjects). */
export function policyBinding(
  type: string,
  settings: Record<string, unknown> = {},
  fields: Partial<PolicyBinding__Output> = {},
): PolicyBinding__Output {
  const pk = fields.pk ?? `pb-${type}`;
  return {
    pk,
    target: 'flow-1',
    order: 0,
    enabled: true,
    negate: false,
    timeout_seconds: 30,
    failure_result: false,
    subject: 'policy',
    policy: { pk: `policy-${pk}`, name: `${type} policy`, type, execution_logging: false, settings_json: JSON.stringify(settings) },
    group_pk: '',
    user_pk: '',
    ...fields,
  };
}

/** What a policy is asked about: an anonymous browser at CLIENT_IP unless given. */
export function policyRequest(fields: Partial<PolicyRequest> = {}): PolicyRequest {
  return {
    user: null,
    identifier: '',
    clientIp: CLIENT_IP,
    http: { method: 'GET', host: 'auth.example.com', path: '/api/v3/flows/executor/default-authentication-flow/', userAgent: 'jest' },
    context: {},
    ...fields,
  };
}

/** A prompt as core sends it, optional unless `required` is given. */
export function promptField(fields: Partial<PromptField> & Pick<PromptField, 'field_key' | 'type'>): PromptField {
  return {
    pk: `prompt-${fields.field_key}`,
    name: fields.field_key,
    label: fields.field_key,
    required: false,
    placeholder: '',
    placeholder_expression: false,
    initial_value: '',
    initial_value_expression: false,
    sub_text: '',
    order: 0,
    ...fields,
  };
}

/** A confirmed device as core lists it, with plain defaults. */
export function testDevice(fields: Partial<Device__Output> & Pick<Device__Output, 'pk' | 'type'>): Device__Output {
  return { name: fields.type, confirmed: true, phone_number: '', stage_pk: '', duo_user_id: '', webauthn: null, ...fields };
}

const notFound = (method: string) => new RpcCallError(method, GrpcStatus.NOT_FOUND, 'x');
const sameText = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

type IdentityMethods = Pick<
  IdentityClient,
  | 'getUser'
  | 'verifyPassword'
  | 'checkToken'
  | 'createSession'
  | 'endSession'
  | 'writeUser'
  | 'deleteUser'
  | 'listDevices'
  | 'touchDevice'
  | 'enrollTotp'
  | 'enrollStatic'
  | 'confirmDevice'
  | 'verifyDeviceCode'
  | 'enrollDuo'
  | 'enrollWebauthn'
  | 'findWebauthnCredential'
  | 'useWebauthnDevice'
>;
type GetUserRequest = Parameters<IdentityClient['getUser']>[0];
type VerifyPasswordRequest = Parameters<IdentityClient['verifyPassword']>[0];
type CheckTokenRequest = Parameters<IdentityClient['checkToken']>[0];
type CreateSessionRequest = Parameters<IdentityClient['createSession']>[0];
type WriteUserRequest = Parameters<IdentityClient['writeUser']>[0];
type WriteUserResponse = Awaited<ReturnType<IdentityClient['writeUser']>>;
type EnrollTotpRequest = Parameters<IdentityClient['enrollTotp']>[0];
type EnrollStaticRequest = Parameters<IdentityClient['enrollStatic']>[0];
type ConfirmDeviceRequest = Parameters<IdentityClient['confirmDevice']>[0];
type VerifyDeviceCodeRequest = Parameters<IdentityClient['verifyDeviceCode']>[0];
type EnrollDuoRequest = Parameters<IdentityClient['enrollDuo']>[0];
type CodeCheck = { valid: boolean; device_pk: string; type: string };

/** TOTP as core runs it: 30-second steps, one step of drift either way. */
const TOTP_PERIOD = 30;
const TOTP_WINDOW = 1;
const STATIC_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const noCode: CodeCheck = { valid: false, device_pk: '', type: '' };

/** What core keeps of a device beyond what it lists: TOTP secrets and the last accepted step, static code digests. */
interface DeviceSecrets {
  totp?: { secret: string; digits: number; lastStep: number };
  staticDigests?: string[];
}

/** One call the stage made on the fake core. */
export interface IdentityCall {
  method: keyof IdentityMethods;
  request: unknown;
}

/**
 * Core's IdentityService as the stages call it, in memory. It answers like core: username and
 * e-mail lookups ignore case, UPN lookups do not, unknown users are NOT_FOUND, and a password
 * check for an unknown, inactive or wrong user answers `valid: false`.
 */
export class FakeIdentity implements IdentityMethods {
  /** Known users by primary key. */
  readonly users = new Map<string, KnownUser>();
  /** Live sessions: key → user pk. */
  readonly sessions = new Map<string, string>();
  readonly calls: IdentityCall[] = [];
  /** When set, writeUser refuses every write with these errors. */
  writeErrors?: Record<string, string[]>;
  /** When set, verifyPassword waits for it before answering (to hold attempts in flight). */
  verifyGate?: Promise<void>;
  /** Authenticator devices with their owner's pk, as core keeps them. */
  readonly devices: Array<{ userPk: string; device: Device__Output }> = [];
  /** By device pk: what core keeps secret (never listed). */
  readonly deviceSecrets = new Map<string, DeviceSecrets>();
  private nextDevice = 1;
  private nextPk = 1000;
  private sessionCount = 0;

  constructor(
    users: readonly KnownUser[] = [],
    private readonly timeline: string[] = [],
  ) {
    for (const known of users) this.users.set(known.user.pk, structuredClone(known));
  }

  /** The calls of one method, oldest first. */
  callsOf(method: keyof IdentityMethods): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.request);
  }

  async getUser(request: GetUserRequest): Promise<User__Output> {
    this.record('getUser', request);
    const found = [...this.users.values()].find(({ user }) => {
      if (request.pk !== undefined) return user.pk === request.pk;
      if (request.username !== undefined) return sameText(user.username, request.username);
      if (request.email !== undefined) return user.email !== '' && sameText(user.email, request.email);
      if (request.upn !== undefined) return (JSON.parse(user.attributes_json) as { upn?: string }).upn === request.upn;
      return false;
    });
    if (!found) throw notFound('GetUser');
    return structuredClone(found.user);
  }

  async verifyPassword(request: VerifyPasswordRequest) {
    this.record('verifyPassword', request);
    if (this.verifyGate) await this.verifyGate;
    const found = request.username ? [...this.users.values()].find(({ user }) => sameText(user.username, request.username)) : undefined;
    const valid = Boolean(found?.password && found.password === request.password && found.user.is_active);
    return { valid, user: valid && found ? structuredClone(found.user) : null };
  }

  async checkToken(request: CheckTokenRequest) {
    this.record('checkToken', request);
    const found = [...this.users.values()].find((u) => u.appPassword !== undefined && u.appPassword === request.key);
    if (!found || request.intent !== 'app_password') return { valid: false, user: null, token_identifier: '', intent: '', expires: '' };
    return {
      valid: true,
      user: structuredClone(found.user),
      token_identifier: `token-${found.user.pk}`,
      intent: 'app_password',
      expires: '',
    };
  }

  async createSession(request: CreateSessionRequest) {
    this.record('createSession', request);
    const key = `session-key-${++this.sessionCount}`;
    this.sessions.set(key, String(request.user_pk));
    return { session_key: key, session_uuid: `session-${this.sessionCount}`, expires: '' };
  }

  async endSession(sessionKey: string): Promise<void> {
    this.record('endSession', sessionKey);
    this.sessions.delete(sessionKey);
  }

  async writeUser(request: WriteUserRequest): Promise<WriteUserResponse> {
    this.record('writeUser', request);
    if (this.writeErrors) return { user: null, errors_json: JSON.stringify(this.writeErrors) };
    const fields = JSON.parse(request.fields_json ?? '{}') as Partial<User__Output> & { attributes?: Record<string, unknown> };
    const { attributes, ...plain } = fields;
    const existing = request.user_pk ? this.users.get(request.user_pk) : undefined;
    if (request.user_pk && !existing) throw notFound('WriteUser');
    const before = existing?.user ?? testUser({ pk: String(this.nextPk++), username: '' });
    const user: User__Output = { ...before, ...plain };
    if (attributes) user.attributes_json = JSON.stringify({ ...(JSON.parse(before.attributes_json) as object), ...attributes });
    if (request.add_group_pk) user.groups = [...user.groups, { pk: request.add_group_pk, name: request.add_group_pk }];
    this.users.set(user.pk, { ...existing, user, password: request.password || existing?.password });
    return { user: structuredClone(user), errors_json: '' };
  }

  async deleteUser(userPk: string, clientIp: string): Promise<void> {
    this.record('deleteUser', { userPk, clientIp });
    if (!this.users.delete(userPk)) throw notFound('DeleteUser');
  }

  async listDevices(userPk: string): Promise<Device__Output[]> {
    this.record('listDevices', userPk);
    return this.devices.filter((d) => d.userPk === userPk).map((d) => structuredClone(d.device));
  }

  async touchDevice(userPk: string, devicePk: string): Promise<void> {
    this.record('touchDevice', { userPk, devicePk });
  }

  /** Like core: an active user's new unconfirmed TOTP device (replacing an unconfirmed one) and its otpauth URI. */
  async enrollTotp(request: EnrollTotpRequest) {
    this.record('enrollTotp', request);
    const user = this.activeUser('EnrollTotp', request.user_pk);
    this.dropUnconfirmed(user.pk, 'totp');
    const digits = request.digits === 8 ? 8 : 6;
    const secret = new Secret({ size: 20 });
    const device = this.addDevice(user.pk, { type: 'totp', name: request.name || 'TOTP device', confirmed: false });
    this.deviceSecrets.set(device.pk, { totp: { secret: secret.base32, digits, lastStep: -1 } });
    const url = new TOTP({ issuer: request.issuer || 'authmesh', label: user.username, secret, digits, period: TOTP_PERIOD }).toString();
    return { device_pk: device.pk, secret: secret.base32, config_url: url };
  }

  /** Like core: an unconfirmed static device (replacing an unconfirmed one) and its codes, kept as digests. */
  async enrollStatic(request: EnrollStaticRequest) {
    this.record('enrollStatic', request);
    const user = this.activeUser('EnrollStatic', request.user_pk);
    this.dropUnconfirmed(user.pk, 'static');
    const count = Math.min(Math.max(Number(request.token_count ?? 0), 1), 100);
    const length = Math.min(Math.max(Number(request.token_length ?? 0), 6), 64);
    const tokens = Array.from({ length: count }, () =>
      Array.from({ length }, () => STATIC_ALPHABET[randomInt(STATIC_ALPHABET.length)]).join(''),
    );
    const device = this.addDevice(user.pk, { type: 'static', name: request.name || 'Static tokens', confirmed: false });
    this.deviceSecrets.set(device.pk, { staticDigests: tokens.map(digest) });
    return { device_pk: device.pk, tokens };
  }

  /** Like core: confirms the user's own unconfirmed device; a TOTP device needs a valid first code. */
  async confirmDevice(request: ConfirmDeviceRequest): Promise<CodeCheck> {
    this.record('confirmDevice', request);
    const found = this.devices.find((d) => d.userPk === request.user_pk && d.device.pk === request.device_pk);
    if (!found || found.device.confirmed) return noCode;
    if (found.device.type === 'totp' && !this.acceptTotp(found.device.pk, request.code ?? '')) return noCode;
    found.device.confirmed = true;
    return { valid: true, device_pk: found.device.pk, type: found.device.type };
  }

  /** Like core: a code of one of the user's confirmed devices of the given types; TOTP steps and static codes are not reused. */
  async verifyDeviceCode(request: VerifyDeviceCodeRequest): Promise<CodeCheck> {
    this.record('verifyDeviceCode', request);
    const code = (request.code ?? '').replace(/\s+/g, '');
    if (code.length === 0 || code.length > 64) return noCode;
    for (const { userPk, device } of this.devices) {
      if (userPk !== request.user_pk || !device.confirmed || !(request.types ?? []).includes(device.type)) continue;
      if (device.type === 'totp' && this.acceptTotp(device.pk, code)) return { valid: true, device_pk: device.pk, type: 'totp' };
      const digests = this.deviceSecrets.get(device.pk)?.staticDigests;
      const index = device.type === 'static' && digests ? digests.indexOf(digest(code)) : -1;
      if (digests && index !== -1) {
        digests.splice(index, 1);
        return { valid: true, device_pk: device.pk, type: 'static' };
      }
    }
    return noCode;
  }

  /** Like core: a confirmed Duo device for an active user and a well-formed Duo user id. */
  async enrollDuo(request: EnrollDuoRequest): Promise<{ device_pk: string }> {
    this.record('enrollDuo', request);
    const user = this.activeUser('EnrollDuo', request.user_pk);
    if (!/^[A-Za-z0-9]{1,64}$/.test(request.duo_user_id ?? ''))
      throw new RpcCallError('EnrollDuo', GrpcStatus.INVALID_ARGUMENT, 'duo_user_id: Not a Duo user id.');
    const device = this.addDevice(user.pk, {
      type: 'duo',
      name: request.name || 'Duo device',
      duo_user_id: request.duo_user_id ?? '',
      stage_pk: request.stage_pk ?? '',
    });
    return { device_pk: device.pk };
  }

  async enrollWebauthn(request: EnrollWebauthnRequest): Promise<{ device_pk: string }> {
    this.record('enrollWebauthn', request);
    if (!request.key || this.devices.some((d) => d.device.webauthn?.credential_id === request.key?.credential_id))
      throw new RpcCallError('EnrollWebauthn', GrpcStatus.INVALID_ARGUMENT, 'credential_id: already registered');
    const device = testDevice({
      pk: `device-${this.devices.length + 1}`,
      type: 'webauthn',
      name: request.name ?? '',
      stage_pk: request.stage_pk ?? '',
      webauthn: {
        credential_id: request.key.credential_id ?? '',
        public_key: request.key.public_key ?? '',
        sign_count: String(request.key.sign_count ?? 0),
        transports: request.key.transports ?? [],
      },
    });
    this.devices.push({ userPk: String(request.user_pk), device });
    return { device_pk: device.pk };
  }

  async findWebauthnCredential(credentialId: string) {
    this.record('findWebauthnCredential', credentialId);
    const found = this.devices.find((d) => d.device.confirmed && d.device.webauthn?.credential_id === credentialId);
    if (!found) throw notFound('FindWebauthnCredential');
    return { user_pk: found.userPk, device: structuredClone(found.device) };
  }

  /** Like core: the counter must grow, unless the authenticator keeps none (both 0). */
  async useWebauthnDevice(request: UseWebauthnDeviceRequest): Promise<boolean> {
    this.record('useWebauthnDevice', request);
    const found = this.devices.find((d) => d.userPk === request.user_pk && d.device.pk === request.device_pk);
    if (!found?.device.webauthn) return false;
    const stored = Number(found.device.webauthn.sign_count);
    const presented = Number(request.sign_count);
    if (!(stored < presented || (stored === 0 && presented === 0))) return false;
    found.device.webauthn.sign_count = String(presented);
    return true;
  }

  private activeUser(method: string, userPk: string | undefined): User__Output {
    const found = this.users.get(String(userPk));
    if (!found) throw notFound(method);
    if (!found.user.is_active) throw new RpcCallError(method, GrpcStatus.INVALID_ARGUMENT, 'user: inactive');
    return found.user;
  }

  private addDevice(userPk: string, fields: Partial<Device__Output> & Pick<Device__Output, 'type'>): Device__Output {
    const device = testDevice({ pk: `device-${this.devices.length + 1}-${this.nextDevice++}`, ...fields });
    this.devices.push({ userPk, device });
    return device;
  }

  private dropUnconfirmed(userPk: string, type: string): void {
    for (let i = this.devices.length - 1; i >= 0; i--) {
      const { userPk: owner, device } = this.devices[i];
      if (owner === userPk && device.type === type && !device.confirmed) {
        this.devices.splice(i, 1);
        this.deviceSecrets.delete(device.pk);
      }
    }
  }

  /** The code's step must be newer than the last one accepted, as core's monotonic step refuses replays. */
  private acceptTotp(devicePk: string, code: string): boolean {
    const totp = this.deviceSecrets.get(devicePk)?.totp;
    if (!totp || !/^\d{6,8}$/.test(code)) return false;
    const now = Date.now();
    const delta = new TOTP({ secret: Secret.fromBase32(totp.secret), digits: totp.digits, period: TOTP_PERIOD }).validate({
      token: code,
      timestamp: now,
      window: TOTP_WINDOW,
    });
    if (delta === null) return false;
    const step = Math.floor(now / 1000 / TOTP_PERIOD) + delta;
    if (step <= totp.lastStep) return false;
    totp.lastStep = step;
    return true;
  }

  private record(method: keyof IdentityMethods, request: unknown): void {
    this.calls.push({ method, request: structuredClone(request) });
    this.timeline.push(method);
  }
}

function digest(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

/** An invitation the fake core knows. */
export interface TestInvitation {
  pk: string;
  token: string;
  flowPk: string;
  fixedData?: Record<string, unknown>;
  singleUse?: boolean;
  expired?: boolean;
}

type FlowConfigMethods = Pick<FlowConfigClient, 'getStage' | 'useInvitation'>;

/** Core's FlowConfigService as the stages call it: stages by pk, and invitations checked like core does. */
export class FakeFlowConfig implements FlowConfigMethods {
  readonly stages = new Map<string, StageDefinition__Output>();
  readonly invitationCalls: Array<{ token: string; flowPk: string }> = [];
  private readonly used = new Set<string>();

  constructor(
    stages: readonly StageDefinition__Output[] = [],
    private readonly invitations: readonly TestInvitation[] = [],
  ) {
    for (const stage of stages) this.stages.set(stage.pk, stage);
  }

  async getStage(pk: string): Promise<StageDefinition__Output> {
    const stage = this.stages.get(pk);
    if (!stage) throw notFound('GetStage');
    return structuredClone(stage);
  }

  async useInvitation(token: string, flowPk: string) {
    this.invitationCalls.push({ token, flowPk });
    const invitation = this.invitations.find((i) => i.token === token);
    if (!invitation || invitation.flowPk !== flowPk || invitation.expired || this.used.has(invitation.pk)) {
      return { valid: false, fixed_data_json: '', invitation_pk: '' };
    }
    if (invitation.singleUse) this.used.add(invitation.pk);
    return { valid: true, fixed_data_json: JSON.stringify(invitation.fixedData ?? {}), invitation_pk: invitation.pk };
  }
}

/** Reputation scores in memory, bounded like the table; each change is noted on the timeline (e.g. `reputation username -1`). */
export class MemoryReputationRepository implements Pick<ReputationRepository, 'change' | 'score'> {
  readonly scores = new Map<string, number>();

  constructor(private readonly timeline: string[] = []) {}

  async change(kind: ReputationKind, identifier: string, delta: number): Promise<number> {
    const key = `${kind}:${identifier}`;
    const score = Math.max(-1000, Math.min(1000, (this.scores.get(key) ?? 0) + delta));
    this.scores.set(key, score);
    this.timeline.push(`reputation ${kind} ${delta > 0 ? '+' : ''}${delta}`);
    return score;
  }

  async score(kind: ReputationKind, identifier: string): Promise<number> {
    return this.scores.get(`${kind}:${identifier}`) ?? 0;
  }
}

/** A ReputationService over an in-memory repository. */
export function memoryReputation(timeline: string[] = []): { service: ReputationService; repository: MemoryReputationRepository } {
  const repository = new MemoryReputationRepository(timeline);
  // The real repository holds a DataSource in a private field; the service only calls change and score.
  return { service: new ReputationService(repository as unknown as ReputationRepository), repository };
}

/** A real logger that writes into memory, so tests can read what was logged. */
export interface MemoryLog {
  logger: Logger;
  /** Every line written so far, parsed. */
  lines(): Array<Record<string, unknown>>;
  /** Every line written so far, as written. */
  text(): string;
}

export function memoryLog(): MemoryLog {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  const logger = createLogger({ level: 'trace', name: 'test', destination });
  const text = () => chunks.join('');
  const lines = () =>
    text()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, text };
}

/** A device code the fake oauth2 runtime holds, by its normalized user code. */
export interface TestDeviceCode {
  userCode: string;
  state: 'pending' | 'expired' | 'approved' | 'denied';
  /** Set once approved or denied: for whom, and why not. */
  userPk?: string;
  message?: string;
  /** Whether the application's policies let users in (approve answers their message otherwise). */
  policyDenies?: string;
}

type DeviceCodeMethods = StageServices['deviceCodes'];

/**
 * The oauth2 runtime's DeviceCodeService as the device code stages call it: codes are
 * normalized like oidc-provider's, only pending codes are found or settled, and only for
 * the session the fake core knows to be the user's.
 */
export class FakeDeviceCodes implements DeviceCodeMethods {
  readonly codes = new Map<string, TestDeviceCode>();
  readonly calls: Array<{ method: string; userCode: string }> = [];

  constructor(
    codes: readonly TestDeviceCode[] = [],
    private readonly sessions: ReadonlyMap<string, string> = new Map(),
  ) {
    for (const code of codes) this.codes.set(code.userCode, { ...code });
  }

  async findDeviceCode(request: Parameters<DeviceCodeMethods['findDeviceCode']>[0]) {
    const code = this.pending('FindDeviceCode', request.user_code ?? '', request.actor);
    if (!code)
      return {
        found: false,
        user_code: '',
        client_id: '',
        application_pk: '',
        application_slug: '',
        application_name: '',
        authorization_flow_slug: '',
        permissions: [],
      };
    return {
      found: true,
      user_code: code.userCode,
      client_id: 'device-client',
      application_pk: 'app-1',
      application_slug: 'tv',
      application_name: 'Television',
      authorization_flow_slug: 'default-provider-authorization-explicit-consent',
      permissions: [{ id: 'email', name: 'Your e-mail address' }],
    };
  }

  async approveDeviceCode(request: Parameters<DeviceCodeMethods['approveDeviceCode']>[0]) {
    const code = this.pending('ApproveDeviceCode', request.user_code ?? '', request.actor);
    if (!code) return { settled: false, message: 'This code is not valid, has expired or was already used.' };
    if (code.policyDenies) {
      Object.assign(code, { state: 'denied', message: code.policyDenies });
      return { settled: false, message: code.policyDenies };
    }
    Object.assign(code, { state: 'approved', userPk: request.actor?.user_pk });
    return { settled: true, message: '' };
  }

  async denyDeviceCode(request: Parameters<DeviceCodeMethods['denyDeviceCode']>[0]) {
    const code = this.pending('DenyDeviceCode', request.user_code ?? '', request.actor);
    if (!code) return { settled: false, message: 'This code is not valid, has expired or was already used.' };
    Object.assign(code, { state: 'denied', userPk: request.actor?.user_pk, message: request.message });
    return { settled: true, message: '' };
  }

  private pending(method: string, userCode: string, actor: { user_pk?: string; session_key?: string } | null | undefined) {
    const normalized = userCode.toUpperCase().replace(/\W/g, '');
    this.calls.push({ method, userCode: normalized });
    const code = this.codes.get(normalized);
    const sessionUser = this.sessions.get(actor?.session_key ?? '');
    if (!code || code.state !== 'pending' || !sessionUser || sessionUser !== actor?.user_pk) return undefined;
    return code;
  }
}

/** What a stage asked of the HTTP response. */
export class RecordedResponse implements ResponseControl {
  readonly cookies: CookieChange[] = [];
  flowCookieRotations = 0;
  readonly flowTokens: Array<{ minutes: number; secret: string }> = [];
  readonly startedFlows: Array<{ slug: string; context: PlanContext; append: readonly string[] }> = [];
  /** What startFlow answers; a planned flow unless a test says otherwise. */
  startFlowAnswer = { planned: true, message: '' };

  async startFlow(slug: string, context: PlanContext, append: readonly string[]) {
    this.startedFlows.push({ slug, context: structuredClone(context), append: [...append] });
    return this.startFlowAnswer;
  }

  setCookie(change: CookieChange): void {
    this.cookies.push({ ...change });
  }

  rotateFlowCookie(): void {
    this.flowCookieRotations += 1;
  }

  async issueFlowToken(minutes: number): Promise<string> {
    const secret = `flow-token-secret-${this.flowTokens.length + 1}`;
    this.flowTokens.push({ minutes, secret });
    return secret;
  }

  /** The last change of the cookie with this name. */
  cookie(name: string): CookieChange | undefined {
    return this.cookies.filter((c) => c.name === name).at(-1);
  }
}

/** One event a stage recorded. */
export interface RecordedEvent {
  action: string;
  user: EventActor | null;
  clientIp: string;
  context: Record<string, unknown>;
}

/** The fakes behind a context; two contexts built with the same fakes see the same users, sessions and scores. */
export interface StageFakes {
  identity: FakeIdentity;
  config: FakeFlowConfig;
  reputation: ReputationService;
  scores: MemoryReputationRepository;
  policies: PolicyEngine;
  expressions: ExpressionEngine;
  deviceCodes: FakeDeviceCodes;
  events: RecordedEvent[];
  log: MemoryLog;
  /** Identity calls and reputation changes in the order they happened. */
  timeline: string[];
}

export interface StageContextOverrides {
  settings?: Record<string, unknown>;
  plan?: PlanContext;
  request?: Partial<StageRequest>;
  sessionUser?: User__Output | null;
  attempts?: number;
  flow?: Partial<FlowDefinition__Output>;
  binding?: Partial<FlowStageBinding__Output>;
  users?: readonly KnownUser[];
  stages?: readonly StageDefinition__Output[];
  invitations?: readonly TestInvitation[];
  /** Policy runtimes beside the real dummy, event matcher, password expiry and reputation ones. */
  policies?: readonly PolicyRuntime[];
  /** The expression sandbox; without one, any expression a stage runs fails (build a real one with ExpressionEngine.create()). */
  expressions?: ExpressionEngine;
  /** Reuse the fakes of another context instead of building new ones (users, stages, invitations and policies are then ignored). */
  fakes?: StageFakes;
  /** Where SMS stages reach Twilio (a local stand-in in tests). */
  twilioUrl?: string;
  /** Where Duo stages reach Duo (a local stand-in in tests). */
  duoUrl?: string;
  /** Device codes the fake oauth2 runtime holds, and which session key belongs to which user pk. */
  deviceCodes?: readonly TestDeviceCode[];
  deviceSessions?: ReadonlyMap<string, string>;
}

export interface TestStageContext extends StageFakes {
  ctx: StageContext;
  response: RecordedResponse;
}

/** Stands in for the sandbox in tests that run no expression: every use fails, as a broken expression would. */
const noExpressions = {
  async evaluate(): Promise<never> {
    throw new Error('this test has no expression engine');
  },
  check(): never {
    throw new Error('this test has no expression engine');
  },
  // Loading the WebAssembly sandbox costs every test that never runs an expression; a failing stand-in is enough for them.
} as unknown as ExpressionEngine;

/** The fakes a context runs on, built from the overrides. */
export function stageFakes(overrides: StageContextOverrides = {}): StageFakes {
  const timeline: string[] = [];
  const log = memoryLog();
  const { service: reputation, repository: scores } = memoryReputation(timeline);
  const runtimes = [dummyPolicy, eventMatcherPolicy, passwordExpiryPolicy, reputationPolicy(reputation), ...(overrides.policies ?? [])];
  return {
    identity: new FakeIdentity(overrides.users, timeline),
    config: new FakeFlowConfig(overrides.stages, overrides.invitations),
    reputation,
    scores,
    policies: new PolicyEngine(runtimes, log.logger),
    expressions: overrides.expressions ?? noExpressions,
    deviceCodes: new FakeDeviceCodes(overrides.deviceCodes, overrides.deviceSessions),
    events: [],
    log,
    timeline,
  };
}

/**
 * A StageContext for one stage run: real settings, plan and request, the real policy engine
 * and reputation service, and in-memory fakes of the gRPC clients to core (the boundary).
 */
export function stageContext(overrides: StageContextOverrides = {}): TestStageContext {
  const fakes = overrides.fakes ?? stageFakes(overrides);
  const response = new RecordedResponse();
  const services: StageServices = {
    // The real clients hold a gRPC channel in protected fields; the stages only call the methods the fakes implement.
    identity: fakes.identity as unknown as IdentityClient,
    config: fakes.config as unknown as FlowConfigClient,
    reputation: fakes.reputation,
    policies: fakes.policies,
    expressions: fakes.expressions,
    cookieSecret: 'test-cookie-secret',
    // Loopback is allowed so stage specs can talk to local stand-ins of outside services.
    outbound: new OutboundClient({ allowedNetworks: ['127.0.0.1/32'] }),
    twilioUrl: overrides.twilioUrl ?? 'https://api.twilio.com',
    duoUrl: overrides.duoUrl,
    duoOutbound: new OutboundClient({ allowedNetworks: ['127.0.0.1/32'] }),
    deviceCodes: fakes.deviceCodes,
    logger: fakes.log.logger,
    async emitEvent(action, user, clientIp, context) {
      fakes.events.push({ action, user, clientIp, context: structuredClone(context) });
    },
  };
  const stage = overrides.binding?.stage ?? stageDefinition('stage-1', 'test', overrides.settings);
  const ctx: StageContext = {
    flow: flowDefinition(overrides.flow),
    binding: stageBinding({ ...overrides.binding, stage }),
    settings: structuredClone(overrides.settings ?? {}),
    plan: structuredClone(overrides.plan ?? {}),
    request: {
      clientIp: CLIENT_IP,
      userAgent: 'jest',
      host: 'auth.example.com',
      secure: true,
      query: new URLSearchParams(),
      sessionKey: null,
      cookies: new Map(),
      interactive: true,
      ...overrides.request,
    },
    sessionUser: overrides.sessionUser ?? null,
    attempts: overrides.attempts ?? 0,
    services,
    response,
  };
  return { ...fakes, ctx, response };
}
