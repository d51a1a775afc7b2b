import * as grpc from '@grpc/grpc-js';
import { loadProtos } from './proto-loader.js';
import { MESH_AUTH_METADATA, MESH_AUTH_SCHEME } from './grpc-host.js';
import { RpcCallError } from './rpc-errors.js';
import type { IdentityServiceClient } from './generated/authmesh/core/v1/IdentityService.js';
import type { GetUserRequest } from './generated/authmesh/core/v1/GetUserRequest.js';
import type { User__Output } from './generated/authmesh/core/v1/User.js';
import type { ListGroupsRequest } from './generated/authmesh/core/v1/ListGroupsRequest.js';
import type { ListGroupsResponse__Output } from './generated/authmesh/core/v1/ListGroupsResponse.js';
import type { Group__Output } from './generated/authmesh/core/v1/Group.js';
import type { VerifyPasswordRequest } from './generated/authmesh/core/v1/VerifyPasswordRequest.js';
import type { VerifyPasswordResponse__Output } from './generated/authmesh/core/v1/VerifyPasswordResponse.js';
import type { CheckTokenRequest } from './generated/authmesh/core/v1/CheckTokenRequest.js';
import type { CheckTokenResponse__Output } from './generated/authmesh/core/v1/CheckTokenResponse.js';
import type { CreateSessionRequest } from './generated/authmesh/core/v1/CreateSessionRequest.js';
import type { CreateSessionResponse__Output } from './generated/authmesh/core/v1/CreateSessionResponse.js';
import type { CheckSessionRequest } from './generated/authmesh/core/v1/CheckSessionRequest.js';
import type { CheckSessionResponse__Output } from './generated/authmesh/core/v1/CheckSessionResponse.js';
import type { FlowConfigServiceClient } from './generated/authmesh/core/v1/FlowConfigService.js';
import type { FlowDefinition__Output } from './generated/authmesh/core/v1/FlowDefinition.js';
import type { StageDefinition__Output } from './generated/authmesh/core/v1/StageDefinition.js';
import type { ListPolicyBindingsResponse__Output } from './generated/authmesh/core/v1/ListPolicyBindingsResponse.js';
import type { GetDefaultFlowRequest } from './generated/authmesh/core/v1/GetDefaultFlowRequest.js';
import type { GetDefaultFlowResponse__Output } from './generated/authmesh/core/v1/GetDefaultFlowResponse.js';
import type { WriteUserRequest } from './generated/authmesh/core/v1/WriteUserRequest.js';
import type { EnsureServiceAccountRequest } from './generated/authmesh/core/v1/EnsureServiceAccountRequest.js';
import type { WriteUserResponse__Output } from './generated/authmesh/core/v1/WriteUserResponse.js';
import type { UseInvitationResponse__Output } from './generated/authmesh/core/v1/UseInvitationResponse.js';
import type { CheckConsentRequest } from './generated/authmesh/core/v1/CheckConsentRequest.js';
import type { CheckConsentResponse__Output } from './generated/authmesh/core/v1/CheckConsentResponse.js';
import type { GrantConsentRequest } from './generated/authmesh/core/v1/GrantConsentRequest.js';
import type { PreparePlanRequest } from './generated/authmesh/flows/v1/PreparePlanRequest.js';
import type { PreparePlanResponse__Output } from './generated/authmesh/flows/v1/PreparePlanResponse.js';
import type { AuthenticateRequest } from './generated/authmesh/flows/v1/AuthenticateRequest.js';
import type { AuthenticateResponse__Output } from './generated/authmesh/flows/v1/AuthenticateResponse.js';
import type { CacheInfo__Output } from './generated/authmesh/flows/v1/CacheInfo.js';
import type { TestPolicyRequest } from './generated/authmesh/flows/v1/TestPolicyRequest.js';
import type { TestPolicyResponse__Output } from './generated/authmesh/flows/v1/TestPolicyResponse.js';
import type { Device__Output } from './generated/authmesh/core/v1/Device.js';
import type { EnrollWebauthnRequest } from './generated/authmesh/core/v1/EnrollWebauthnRequest.js';
import type { WebauthnCredential__Output } from './generated/authmesh/core/v1/WebauthnCredential.js';
import type { UseWebauthnDeviceRequest } from './generated/authmesh/core/v1/UseWebauthnDeviceRequest.js';
import type { UseWebauthnDeviceResponse__Output } from './generated/authmesh/core/v1/UseWebauthnDeviceResponse.js';
import type { EnrollTotpRequest } from './generated/authmesh/core/v1/EnrollTotpRequest.js';
import type { EnrollTotpResponse__Output } from './generated/authmesh/core/v1/EnrollTotpResponse.js';
import type { EnrollStaticRequest } from './generated/authmesh/core/v1/EnrollStaticRequest.js';
import type { EnrollStaticResponse__Output } from './generated/authmesh/core/v1/EnrollStaticResponse.js';
import type { ConfirmDeviceRequest } from './generated/authmesh/core/v1/ConfirmDeviceRequest.js';
import type { VerifyDeviceCodeRequest } from './generated/authmesh/core/v1/VerifyDeviceCodeRequest.js';
import type { VerifyDeviceCodeResponse__Output } from './generated/authmesh/core/v1/VerifyDeviceCodeResponse.js';
import type { ListDevicesRequest } from './generated/authmesh/core/v1/ListDevicesRequest.js';
import type { ListDevicesResponse__Output } from './generated/authmesh/core/v1/ListDevicesResponse.js';
import type { EnrollDuoRequest } from './generated/authmesh/core/v1/EnrollDuoRequest.js';
import type { EnrollSmsRequest } from './generated/authmesh/core/v1/EnrollSmsRequest.js';
import type { EnrolledDevice__Output } from './generated/authmesh/core/v1/EnrolledDevice.js';
import type { EventServiceClient } from './generated/authmesh/events/v1/EventService.js';
import type { Event } from './generated/authmesh/events/v1/Event.js';
import type { CreateEventResponse__Output } from './generated/authmesh/events/v1/CreateEventResponse.js';
import type { FlowServiceClient } from './generated/authmesh/flows/v1/FlowService.js';
import type { FlowStatus__Output } from './generated/authmesh/flows/v1/FlowStatus.js';
import type { HealthClient } from './generated/grpc/health/v1/Health.js';
import type { CheckApplicationAccessRequest } from './generated/authmesh/flows/v1/CheckApplicationAccessRequest.js';
import type { CheckApplicationAccessResponse__Output } from './generated/authmesh/flows/v1/CheckApplicationAccessResponse.js';
import type { CreateRecoveryLinkRequest } from './generated/authmesh/flows/v1/CreateRecoveryLinkRequest.js';
import type { CreateRecoveryLinkResponse__Output } from './generated/authmesh/flows/v1/CreateRecoveryLinkResponse.js';
import type { OAuth2ConfigServiceClient } from './generated/authmesh/core/v1/OAuth2ConfigService.js';
import type { GetOAuth2ProviderRequest } from './generated/authmesh/core/v1/GetOAuth2ProviderRequest.js';
import type { OAuth2Provider__Output } from './generated/authmesh/core/v1/OAuth2Provider.js';
import type { VerifyClientSecretRequest } from './generated/authmesh/core/v1/VerifyClientSecretRequest.js';
import type { VerifyClientSecretResponse__Output } from './generated/authmesh/core/v1/VerifyClientSecretResponse.js';
import type { EvaluateScopesRequest } from './generated/authmesh/core/v1/EvaluateScopesRequest.js';
import type { EvaluateScopesResponse__Output } from './generated/authmesh/core/v1/EvaluateScopesResponse.js';
import type { HealthCheckResponse__Output } from './generated/grpc/health/v1/HealthCheckResponse.js';
import type { DeviceCodeServiceClient } from './generated/authmesh/oauth2/v1/DeviceCodeService.js';
import type { FindDeviceCodeRequest } from './generated/authmesh/oauth2/v1/FindDeviceCodeRequest.js';
import type { FindDeviceCodeResponse__Output } from './generated/authmesh/oauth2/v1/FindDeviceCodeResponse.js';
import type { ApproveDeviceCodeRequest } from './generated/authmesh/oauth2/v1/ApproveDeviceCodeRequest.js';
import type { DenyDeviceCodeRequest } from './generated/authmesh/oauth2/v1/DenyDeviceCodeRequest.js';
import type { SettleDeviceCodeResponse__Output } from './generated/authmesh/oauth2/v1/SettleDeviceCodeResponse.js';
import type { NotificationConfigServiceClient } from './generated/authmesh/core/v1/NotificationConfigService.js';
import type { NotificationRule__Output } from './generated/authmesh/core/v1/NotificationRule.js';
import type { NotificationTransport__Output } from './generated/authmesh/core/v1/NotificationTransport.js';
import type { ListNotificationRulesResponse__Output } from './generated/authmesh/core/v1/ListNotificationRulesResponse.js';
import type { ListGroupMembersResponse__Output } from './generated/authmesh/core/v1/ListGroupMembersResponse.js';
import type { Recipient__Output } from './generated/authmesh/core/v1/Recipient.js';
import type { NotificationServiceClient } from './generated/authmesh/events/v1/NotificationService.js';
import type { TestTransportRequest } from './generated/authmesh/events/v1/TestTransportRequest.js';
import type { TestTransportResponse__Output } from './generated/authmesh/events/v1/TestTransportResponse.js';
import type { EvaluateBindingsRequest } from './generated/authmesh/flows/v1/EvaluateBindingsRequest.js';
import type { EvaluateBindingsResponse__Output } from './generated/authmesh/flows/v1/EvaluateBindingsResponse.js';

/** Per-call options of the typed clients. */
export interface RpcCallOptions {
  /** How long the call may take before it fails with DEADLINE_EXCEEDED. */
  deadlineMs?: number;
}

/** Options of a typed client. */
export interface RpcClientOptions {
  /** The deadline of calls that do not set their own; 5 s unless given. */
  defaultDeadlineMs?: number;
}

/** A generated client method in its most explicit overload (metadata and options given). */
type UnaryMethod<Req, Res> = (
  argument: Req,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  callback: grpc.requestCallback<Res>,
) => grpc.ClientUnaryCall;

/** A call between services never waits forever: a hung peer must not hang its callers. */
const DEFAULT_DEADLINE_MS = 5000;

/** Shared plumbing of the typed clients: credentials, mesh key, deadlines, errors. */
abstract class MeshClient<C extends grpc.Client> {
  private readonly defaultDeadlineMs: number;

  protected constructor(
    protected readonly client: C,
    private readonly meshKey: string | undefined,
    options: RpcClientOptions = {},
  ) {
    this.defaultDeadlineMs = options.defaultDeadlineMs ?? DEFAULT_DEADLINE_MS;
  }

  /** Runs one unary call with the mesh key and a deadline; rejects with RpcCallError. */
  protected call<Req, Res>(name: string, method: UnaryMethod<Req, Res>, request: Req, options: RpcCallOptions = {}): Promise<Res> {
    const metadata = new grpc.Metadata();
    if (this.meshKey !== undefined) metadata.set(MESH_AUTH_METADATA, `${MESH_AUTH_SCHEME} ${this.meshKey}`);
    const deadline = Date.now() + (options.deadlineMs ?? this.defaultDeadlineMs);
    return new Promise((resolve, reject) => {
      method(request, metadata, { deadline }, (error, response) => {
        if (error) reject(new RpcCallError(name, error.code ?? grpc.status.UNKNOWN, error.details ?? error.message));
        else if (response === undefined) reject(new RpcCallError(name, grpc.status.INTERNAL, 'empty response'));
        else resolve(response);
      });
    });
  }

  /** Closes the channel; calls made afterwards fail. */
  close(): void {
    this.client.close();
  }
}

/** Core's identity lookups (users, groups, passwords, tokens). */
export class IdentityClient extends MeshClient<IdentityServiceClient> {
  constructor(address: string, meshKey: string, options?: RpcClientOptions) {
    const Client = loadProtos().identity.authmesh.core.v1.IdentityService;
    super(new Client(address, grpc.credentials.createInsecure()), meshKey, options);
  }
  /** One user by primary key or username; rejects with NOT_FOUND when there is none. */
  getUser(request: GetUserRequest, options?: RpcCallOptions): Promise<User__Output> {
    return this.call('GetUser', (r, m, o, cb) => this.client.GetUser(r, m, o, cb), request, options);
  }
  /** A page of groups, or every group of one user. */
  listGroups(request: ListGroupsRequest, options?: RpcCallOptions): Promise<ListGroupsResponse__Output> {
    return this.call('ListGroups', (r, m, o, cb) => this.client.ListGroups(r, m, o, cb), request, options);
  }
  /** One group by its UUID; rejects with NOT_FOUND when there is none. */
  getGroup(pk: string, options?: RpcCallOptions): Promise<Group__Output> {
    return this.call('GetGroup', (r, m, o, cb) => this.client.GetGroup(r, m, o, cb), { pk }, options);
  }
  /** Checks a password; `valid: false` for unknown users, inactive users and wrong passwords alike. */
  verifyPassword(request: VerifyPasswordRequest, options?: RpcCallOptions): Promise<VerifyPasswordResponse__Output> {
    return this.call('VerifyPassword', (r, m, o, cb) => this.client.VerifyPassword(r, m, o, cb), request, options);
  }
  /** Checks a token key for an intent. */
  checkToken(request: CheckTokenRequest, options?: RpcCallOptions): Promise<CheckTokenResponse__Output> {
    return this.call('CheckToken', (r, m, o, cb) => this.client.CheckToken(r, m, o, cb), request, options);
  }
  /** Starts a login session and answers its secret key. */
  createSession(request: CreateSessionRequest, options?: RpcCallOptions): Promise<CreateSessionResponse__Output> {
    return this.call('CreateSession', (r, m, o, cb) => this.client.CreateSession(r, m, o, cb), request, options);
  }
  /** Resolves a session key to its user; `valid: false` when it is unknown, expired or its user inactive. */
  checkSession(request: CheckSessionRequest, options?: RpcCallOptions): Promise<CheckSessionResponse__Output> {
    return this.call('CheckSession', (r, m, o, cb) => this.client.CheckSession(r, m, o, cb), request, options);
  }
  /** Ends the session with this key. */
  async endSession(sessionKey: string, options?: RpcCallOptions): Promise<void> {
    await this.call('EndSession', (r, m, o, cb) => this.client.EndSession(r, m, o, cb), { session_key: sessionKey }, options);
  }
  /** Creates or changes a user; refused input comes back in errors_json. */
  writeUser(request: WriteUserRequest, options?: RpcCallOptions): Promise<WriteUserResponse__Output> {
    return this.call('WriteUser', (r, m, o, cb) => this.client.WriteUser(r, m, o, cb), request, options);
  }
  /** Creates or refreshes a generated service account; PERMISSION_DENIED when the username belongs to anyone else. */
  ensureServiceAccount(request: EnsureServiceAccountRequest, options?: RpcCallOptions): Promise<User__Output> {
    return this.call('EnsureServiceAccount', (r, m, o, cb) => this.client.EnsureServiceAccount(r, m, o, cb), request, options);
  }
  /** Whether a user's consent to an application covers these permissions and has not expired. */
  async checkConsent(request: CheckConsentRequest, options?: RpcCallOptions): Promise<boolean> {
    const answer = await this.call<CheckConsentRequest, CheckConsentResponse__Output>(
      'CheckConsent',
      (r, m, o, cb) => this.client.CheckConsent(r, m, o, cb),
      request,
      options,
    );
    return answer.valid;
  }
  /** Records a user's consent to an application. */
  async grantConsent(request: GrantConsentRequest, options?: RpcCallOptions): Promise<void> {
    await this.call('GrantConsent', (r, m, o, cb) => this.client.GrantConsent(r, m, o, cb), request, options);
  }
  /** A user's authenticator devices. */
  async listDevices(userPk: string, options?: RpcCallOptions): Promise<Device__Output[]> {
    const answer = await this.call<ListDevicesRequest, ListDevicesResponse__Output>(
      'ListDevices',
      (r, m, o, cb) => this.client.ListDevices(r, m, o, cb),
      { user_pk: userPk },
      options,
    );
    return answer.devices;
  }
  /** Starts TOTP enrollment (an unconfirmed device and its secret). */
  enrollTotp(request: EnrollTotpRequest, options?: RpcCallOptions): Promise<EnrollTotpResponse__Output> {
    return this.call('EnrollTotp', (r, m, o, cb) => this.client.EnrollTotp(r, m, o, cb), request, options);
  }
  /** Starts static-code enrollment (an unconfirmed device and its codes). */
  enrollStatic(request: EnrollStaticRequest, options?: RpcCallOptions): Promise<EnrollStaticResponse__Output> {
    return this.call('EnrollStatic', (r, m, o, cb) => this.client.EnrollStatic(r, m, o, cb), request, options);
  }
  /** Finishes a device's enrollment (TOTP needs a valid first code). */
  confirmDevice(request: ConfirmDeviceRequest, options?: RpcCallOptions): Promise<VerifyDeviceCodeResponse__Output> {
    return this.call('ConfirmDevice', (r, m, o, cb) => this.client.ConfirmDevice(r, m, o, cb), request, options);
  }
  /** Records a confirmed SMS device after its number was verified. */
  enrollSms(request: EnrollSmsRequest, options?: RpcCallOptions): Promise<EnrolledDevice__Output> {
    return this.call('EnrollSms', (r, m, o, cb) => this.client.EnrollSms(r, m, o, cb), request, options);
  }
  /** Records a confirmed Duo device after activation. */
  enrollDuo(request: EnrollDuoRequest, options?: RpcCallOptions): Promise<EnrolledDevice__Output> {
    return this.call('EnrollDuo', (r, m, o, cb) => this.client.EnrollDuo(r, m, o, cb), request, options);
  }
  /** Records a confirmed WebAuthn device after its registration was verified. */
  enrollWebauthn(request: EnrollWebauthnRequest, options?: RpcCallOptions): Promise<EnrolledDevice__Output> {
    return this.call('EnrollWebauthn', (r, m, o, cb) => this.client.EnrollWebauthn(r, m, o, cb), request, options);
  }
  /** The device and user holding a WebAuthn credential (NOT_FOUND when none). */
  findWebauthnCredential(credentialId: string, options?: RpcCallOptions): Promise<WebauthnCredential__Output> {
    return this.call(
      'FindWebauthnCredential',
      (r, m, o, cb) => this.client.FindWebauthnCredential(r, m, o, cb),
      { credential_id: credentialId },
      options,
    );
  }
  /** Records a verified assertion; false when its counter did not move forward. */
  async useWebauthnDevice(request: UseWebauthnDeviceRequest, options?: RpcCallOptions): Promise<boolean> {
    const answer: UseWebauthnDeviceResponse__Output = await this.call(
      'UseWebauthnDevice',
      (r, m, o, cb) => this.client.UseWebauthnDevice(r, m, o, cb),
      request,
      options,
    );
    return answer.valid;
  }
  /** Marks a device as used now. */
  async touchDevice(userPk: string, devicePk: string, options?: RpcCallOptions): Promise<void> {
    await this.call(
      'TouchDevice',
      (r, m, o, cb) => this.client.TouchDevice(r, m, o, cb),
      { user_pk: userPk, device_pk: devicePk },
      options,
    );
  }
  /** Checks a code against the user's confirmed devices of the allowed types. */
  verifyDeviceCode(request: VerifyDeviceCodeRequest, options?: RpcCallOptions): Promise<VerifyDeviceCodeResponse__Output> {
    return this.call('VerifyDeviceCode', (r, m, o, cb) => this.client.VerifyDeviceCode(r, m, o, cb), request, options);
  }
  /** Deletes a user. */
  async deleteUser(userPk: string, clientIp: string, options?: RpcCallOptions): Promise<void> {
    await this.call('DeleteUser', (r, m, o, cb) => this.client.DeleteUser(r, m, o, cb), { user_pk: userPk, client_ip: clientIp }, options);
  }
}

/** The flow configuration core serves to the executor. */
export class FlowConfigClient extends MeshClient<FlowConfigServiceClient> {
  constructor(address: string, meshKey: string, options?: RpcClientOptions) {
    const Client = loadProtos().flowConfig.authmesh.core.v1.FlowConfigService;
    super(new Client(address, grpc.credentials.createInsecure()), meshKey, options);
  }
  /** A flow with its stage bindings and policy bindings; rejects with NOT_FOUND for an unknown slug. */
  getFlow(slug: string, options?: RpcCallOptions): Promise<FlowDefinition__Output> {
    return this.call('GetFlow', (r, m, o, cb) => this.client.GetFlow(r, m, o, cb), { slug }, options);
  }
  /** The slug of the default flow of a designation for a host; rejects with NOT_FOUND when there is none. */
  async getDefaultFlow(designation: string, host: string, options?: RpcCallOptions): Promise<string> {
    const answer = await this.call<GetDefaultFlowRequest, GetDefaultFlowResponse__Output>(
      'GetDefaultFlow',
      (r, m, o, cb) => this.client.GetDefaultFlow(r, m, o, cb),
      { designation, host },
      options,
    );
    return answer.slug;
  }
  /** Policy bindings of these targets, in evaluation order. */
  listPolicyBindings(targets: string[], options?: RpcCallOptions): Promise<ListPolicyBindingsResponse__Output> {
    return this.call('ListPolicyBindings', (r, m, o, cb) => this.client.ListPolicyBindings(r, m, o, cb), { targets }, options);
  }
  /** One stage by UUID; rejects with NOT_FOUND when there is none. */
  getStage(pk: string, options?: RpcCallOptions): Promise<StageDefinition__Output> {
    return this.call('GetStage', (r, m, o, cb) => this.client.GetStage(r, m, o, cb), { pk }, options);
  }
  /** Uses (and, when single-use, consumes) an invitation for a flow. */
  useInvitation(token: string, flowPk: string, options?: RpcCallOptions): Promise<UseInvitationResponse__Output> {
    return this.call('UseInvitation', (r, m, o, cb) => this.client.UseInvitation(r, m, o, cb), { token, flow_pk: flowPk }, options);
  }
}

/** The event log's RPC (most events go over the bus instead). */
export class EventClient extends MeshClient<EventServiceClient> {
  constructor(address: string, meshKey: string, options?: RpcClientOptions) {
    const Client = loadProtos().events.authmesh.events.v1.EventService;
    super(new Client(address, grpc.credentials.createInsecure()), meshKey, options);
  }
  /** Stores one event and answers its primary key once it is stored. */
  createEvent(event: Event, options?: RpcCallOptions): Promise<CreateEventResponse__Output> {
    return this.call('CreateEvent', (r, m, o, cb) => this.client.CreateEvent(r, m, o, cb), event, options);
  }
}

/** The flow executor's RPC. */
export class FlowClient extends MeshClient<FlowServiceClient> {
  constructor(address: string, meshKey: string, options?: RpcClientOptions) {
    const Client = loadProtos().flows.authmesh.flows.v1.FlowService;
    super(new Client(address, grpc.credentials.createInsecure()), meshKey, options);
  }
  /** Whether the executor is ready, and its version. */
  getStatus(options?: RpcCallOptions): Promise<FlowStatus__Output> {
    return this.call('GetStatus', (r, m, o, cb) => this.client.GetStatus(r, m, o, cb), {}, options);
  }
  /** How many flow definitions the executor has cached. */
  getCacheInfo(options?: RpcCallOptions): Promise<CacheInfo__Output> {
    return this.call('GetCacheInfo', (r, m, o, cb) => this.client.GetCacheInfo(r, m, o, cb), {}, options);
  }
  /** Drops the executor's cached flow definitions. */
  clearCache(options?: RpcCallOptions): Promise<CacheInfo__Output> {
    return this.call('ClearCache', (r, m, o, cb) => this.client.ClearCache(r, m, o, cb), {}, options);
  }
  /** Evaluates one policy for a user and context, recording nothing. */
  testPolicy(request: TestPolicyRequest, options?: RpcCallOptions): Promise<TestPolicyResponse__Output> {
    return this.call('TestPolicy', (r, m, o, cb) => this.client.TestPolicy(r, m, o, cb), request, { deadlineMs: 35_000, ...options });
  }
  /** Plans a flow for a browser with trusted context, before the browser opens it. */
  preparePlan(request: PreparePlanRequest, options?: RpcCallOptions): Promise<PreparePlanResponse__Output> {
    return this.call('PreparePlan', (r, m, o, cb) => this.client.PreparePlan(r, m, o, cb), request, options);
  }
  /** Runs a login flow without a browser with the credentials of an LDAP bind or RADIUS request. */
  authenticate(request: AuthenticateRequest, options?: RpcCallOptions): Promise<AuthenticateResponse__Output> {
    // A Duo push inside the flow may wait for the user's answer for a minute.
    return this.call('Authenticate', (r, m, o, cb) => this.client.Authenticate(r, m, o, cb), request, { deadlineMs: 90_000, ...options });
  }
  /** Whether a user may use an application, by its policy bindings. */
  checkApplicationAccess(
    request: CheckApplicationAccessRequest,
    options?: RpcCallOptions,
  ): Promise<CheckApplicationAccessResponse__Output> {
    return this.call('CheckApplicationAccess', (r, m, o, cb) => this.client.CheckApplicationAccess(r, m, o, cb), request, {
      deadlineMs: 35_000,
      ...options,
    });
  }
  /** Whether the policy bindings of any target (a notification rule) pass for a user and a context. */
  evaluateBindings(request: EvaluateBindingsRequest, options?: RpcCallOptions): Promise<EvaluateBindingsResponse__Output> {
    return this.call('EvaluateBindings', (r, m, o, cb) => this.client.EvaluateBindings(r, m, o, cb), request, {
      deadlineMs: 35_000,
      ...options,
    });
  }
  /** Makes a one-time link into the brand's recovery flow for a user, or e-mails it through an e-mail stage. */
  createRecoveryLink(request: CreateRecoveryLinkRequest, options?: RpcCallOptions): Promise<CreateRecoveryLinkResponse__Output> {
    // Sending through a slow SMTP server may take the stage's whole timeout.
    return this.call('CreateRecoveryLink', (r, m, o, cb) => this.client.CreateRecoveryLink(r, m, o, cb), request, {
      deadlineMs: 35_000,
      ...options,
    });
  }
}

/** Core's OAuth2 configuration: providers, client secrets and scope claims. */
export class OAuth2ConfigClient extends MeshClient<OAuth2ConfigServiceClient> {
  constructor(address: string, meshKey: string, options?: RpcClientOptions) {
    const Client = loadProtos().oauth2Config.authmesh.core.v1.OAuth2ConfigService;
    super(new Client(address, grpc.credentials.createInsecure()), meshKey, options);
  }
  /** One provider by client id, application slug or pk; rejects with NOT_FOUND when there is none. */
  getOAuth2Provider(request: GetOAuth2ProviderRequest, options?: RpcCallOptions): Promise<OAuth2Provider__Output> {
    return this.call('GetOAuth2Provider', (r, m, o, cb) => this.client.GetOAuth2Provider(r, m, o, cb), request, options);
  }
  /** Whether the secret is the client's, compared in constant time. */
  verifyClientSecret(request: VerifyClientSecretRequest, options?: RpcCallOptions): Promise<VerifyClientSecretResponse__Output> {
    return this.call('VerifyClientSecret', (r, m, o, cb) => this.client.VerifyClientSecret(r, m, o, cb), request, options);
  }
  /** The claims the provider's scope mappings answer for a user. */
  evaluateScopes(request: EvaluateScopesRequest, options?: RpcCallOptions): Promise<EvaluateScopesResponse__Output> {
    return this.call('EvaluateScopes', (r, m, o, cb) => this.client.EvaluateScopes(r, m, o, cb), request, {
      deadlineMs: 15_000,
      ...options,
    });
  }
}

/** The oauth2 runtime's device codes (RFC 8628), for the flow executor's device code stages. */
export class DeviceCodeClient extends MeshClient<DeviceCodeServiceClient> {
  constructor(address: string, meshKey: string, options?: RpcClientOptions) {
    const Client = loadProtos().oauth2Device.authmesh.oauth2.v1.DeviceCodeService;
    super(new Client(address, grpc.credentials.createInsecure()), meshKey, options);
  }
  /** A pending device code by the user code typed; `found: false` for unknown, expired and settled codes alike. */
  findDeviceCode(request: FindDeviceCodeRequest, options?: RpcCallOptions): Promise<FindDeviceCodeResponse__Output> {
    return this.call('FindDeviceCode', (r, m, o, cb) => this.client.FindDeviceCode(r, m, o, cb), request, options);
  }
  /** Approves a pending code for the user of a live session (application policies decide first). */
  approveDeviceCode(request: ApproveDeviceCodeRequest, options?: RpcCallOptions): Promise<SettleDeviceCodeResponse__Output> {
    return this.call('ApproveDeviceCode', (r, m, o, cb) => this.client.ApproveDeviceCode(r, m, o, cb), request, options);
  }
  /** Denies a pending code: the device's token request then fails with access_denied. */
  denyDeviceCode(request: DenyDeviceCodeRequest, options?: RpcCallOptions): Promise<SettleDeviceCodeResponse__Output> {
    return this.call('DenyDeviceCode', (r, m, o, cb) => this.client.DenyDeviceCode(r, m, o, cb), request, options);
  }
}

/** Core's notification configuration: rules, transports and the members of a rule's group. */
export class NotificationConfigClient extends MeshClient<NotificationConfigServiceClient> {
  constructor(address: string, meshKey: string, options?: RpcClientOptions) {
    const Client = loadProtos().notificationConfig.authmesh.core.v1.NotificationConfigService;
    super(new Client(address, grpc.credentials.createInsecure()), meshKey, options);
  }
  /** Every enabled rule (one with a group), with its transports. */
  async listNotificationRules(options?: RpcCallOptions): Promise<NotificationRule__Output[]> {
    const answer = await this.call<object, ListNotificationRulesResponse__Output>(
      'ListNotificationRules',
      (r, m, o, cb) => this.client.ListNotificationRules(r, m, o, cb),
      {},
      options,
    );
    return answer.rules;
  }
  /** One transport by UUID; rejects with NOT_FOUND when there is none. */
  getNotificationTransport(pk: string, options?: RpcCallOptions): Promise<NotificationTransport__Output> {
    return this.call('GetNotificationTransport', (r, m, o, cb) => this.client.GetNotificationTransport(r, m, o, cb), { pk }, options);
  }
  /** The active direct members of a group; rejects with NOT_FOUND for an unknown group. */
  async listGroupMembers(groupPk: string, options?: RpcCallOptions): Promise<Recipient__Output[]> {
    const answer = await this.call<{ group_pk: string }, ListGroupMembersResponse__Output>(
      'ListGroupMembers',
      (r, m, o, cb) => this.client.ListGroupMembers(r, m, o, cb),
      { group_pk: groupPk },
      options,
    );
    return answer.members;
  }
}

/** The events runtime's notification deliveries (core calls it for the transport test action). */
export class NotificationClient extends MeshClient<NotificationServiceClient> {
  constructor(address: string, meshKey: string, options?: RpcClientOptions) {
    const Client = loadProtos().notifications.authmesh.events.v1.NotificationService;
    super(new Client(address, grpc.credentials.createInsecure()), meshKey, options);
  }
  /** Sends a test notification through a transport to a user; UNAVAILABLE carries the delivery's failure. */
  testTransport(request: TestTransportRequest, options?: RpcCallOptions): Promise<TestTransportResponse__Output> {
    // A webhook or mail server may take a while; the delivery has its own timeouts below this.
    return this.call('TestTransport', (r, m, o, cb) => this.client.TestTransport(r, m, o, cb), request, { deadlineMs: 35_000, ...options });
  }
}

/** The standard health check of any authmesh gRPC server; it needs no mesh key. */
export class HealthCheckClient extends MeshClient<HealthClient> {
  constructor(address: string, options?: RpcClientOptions) {
    const Client = loadProtos().health.grpc.health.v1.Health;
    super(new Client(address, grpc.credentials.createInsecure()), undefined, { defaultDeadlineMs: 2000, ...options });
  }
  /** The status of one service ('' for the whole server); rejects with NOT_FOUND for an unknown one. */
  check(service = '', deadlineMs?: number): Promise<HealthCheckResponse__Output> {
    return this.call('Check', (r, m, o, cb) => this.client.Check(r, m, o, cb), { service }, { deadlineMs });
  }
}

/** A client for core's IdentityService at `address`, presenting `meshKey` on every call. */
export function createIdentityClient(address: string, meshKey: string, options?: RpcClientOptions): IdentityClient {
  return new IdentityClient(address, meshKey, options);
}

/** A client for the events service's EventService at `address`, presenting `meshKey`. */
export function createEventClient(address: string, meshKey: string, options?: RpcClientOptions): EventClient {
  return new EventClient(address, meshKey, options);
}

/** A client for the flows service's FlowService at `address`, presenting `meshKey`. */
export function createFlowClient(address: string, meshKey: string, options?: RpcClientOptions): FlowClient {
  return new FlowClient(address, meshKey, options);
}

/** A client for the standard health service of the gRPC server at `address`. */
export function createHealthClient(address: string, options?: RpcClientOptions): HealthCheckClient {
  return new HealthCheckClient(address, options);
}
