export * from './proto-loader.js';
export * from './rpc-errors.js';
export * from './grpc-host.js';
export * from './grpc-clients.js';
export { status as GrpcStatus } from '@grpc/grpc-js';
export type { ServiceDefinition as GrpcServiceDefinition } from '@grpc/grpc-js';

// Generated contract types services need. `X` is what a sender may pass (fields optional),
// `X__Output` what a receiver gets (defaults filled in).

// authmesh.core.v1
export type {
  IdentityServiceClient,
  IdentityServiceDefinition,
  IdentityServiceHandlers,
} from './generated/authmesh/core/v1/IdentityService.js';
export type { User, User__Output } from './generated/authmesh/core/v1/User.js';
export type { Group, Group__Output } from './generated/authmesh/core/v1/Group.js';
export type { GroupRef, GroupRef__Output } from './generated/authmesh/core/v1/GroupRef.js';
export type { GetUserRequest, GetUserRequest__Output } from './generated/authmesh/core/v1/GetUserRequest.js';
export type { GetGroupRequest, GetGroupRequest__Output } from './generated/authmesh/core/v1/GetGroupRequest.js';
export type { ListGroupsRequest, ListGroupsRequest__Output } from './generated/authmesh/core/v1/ListGroupsRequest.js';
export type { ListGroupsResponse, ListGroupsResponse__Output } from './generated/authmesh/core/v1/ListGroupsResponse.js';
export type { VerifyPasswordRequest, VerifyPasswordRequest__Output } from './generated/authmesh/core/v1/VerifyPasswordRequest.js';
export type { VerifyPasswordResponse, VerifyPasswordResponse__Output } from './generated/authmesh/core/v1/VerifyPasswordResponse.js';
export type { CheckTokenRequest, CheckTokenRequest__Output } from './generated/authmesh/core/v1/CheckTokenRequest.js';
export type { CheckTokenResponse, CheckTokenResponse__Output } from './generated/authmesh/core/v1/CheckTokenResponse.js';
export type { CreateSessionRequest, CreateSessionRequest__Output } from './generated/authmesh/core/v1/CreateSessionRequest.js';
export type { CreateSessionResponse, CreateSessionResponse__Output } from './generated/authmesh/core/v1/CreateSessionResponse.js';
export type { CheckSessionRequest, CheckSessionRequest__Output } from './generated/authmesh/core/v1/CheckSessionRequest.js';
export type { CheckSessionResponse, CheckSessionResponse__Output } from './generated/authmesh/core/v1/CheckSessionResponse.js';
export type { EndSessionRequest, EndSessionRequest__Output } from './generated/authmesh/core/v1/EndSessionRequest.js';
export type { FlowDefinition, FlowDefinition__Output } from './generated/authmesh/core/v1/FlowDefinition.js';
export type { FlowStageBinding, FlowStageBinding__Output } from './generated/authmesh/core/v1/FlowStageBinding.js';
export type { StageDefinition, StageDefinition__Output } from './generated/authmesh/core/v1/StageDefinition.js';
export type { PolicyBinding, PolicyBinding__Output } from './generated/authmesh/core/v1/PolicyBinding.js';
export type { PolicyDefinition, PolicyDefinition__Output } from './generated/authmesh/core/v1/PolicyDefinition.js';
export type { GetFlowRequest__Output } from './generated/authmesh/core/v1/GetFlowRequest.js';
export type { GetDefaultFlowRequest__Output } from './generated/authmesh/core/v1/GetDefaultFlowRequest.js';
export type { GetDefaultFlowResponse } from './generated/authmesh/core/v1/GetDefaultFlowResponse.js';
export type { ListPolicyBindingsRequest__Output } from './generated/authmesh/core/v1/ListPolicyBindingsRequest.js';
export type { ListPolicyBindingsResponse } from './generated/authmesh/core/v1/ListPolicyBindingsResponse.js';
export type { WriteUserRequest__Output } from './generated/authmesh/core/v1/WriteUserRequest.js';
export type {
  EnsureServiceAccountRequest,
  EnsureServiceAccountRequest__Output,
} from './generated/authmesh/core/v1/EnsureServiceAccountRequest.js';
export type { WriteUserResponse } from './generated/authmesh/core/v1/WriteUserResponse.js';
export type { UseInvitationRequest__Output } from './generated/authmesh/core/v1/UseInvitationRequest.js';
export type { UseInvitationResponse } from './generated/authmesh/core/v1/UseInvitationResponse.js';
export type { CheckConsentRequest__Output } from './generated/authmesh/core/v1/CheckConsentRequest.js';
export type { GrantConsentRequest__Output } from './generated/authmesh/core/v1/GrantConsentRequest.js';
export type { Device, Device__Output } from './generated/authmesh/core/v1/Device.js';
export type { EnrollTotpRequest__Output } from './generated/authmesh/core/v1/EnrollTotpRequest.js';
export type { EnrollTotpResponse__Output } from './generated/authmesh/core/v1/EnrollTotpResponse.js';
export type { EnrollDuoRequest__Output } from './generated/authmesh/core/v1/EnrollDuoRequest.js';
export type { EnrollWebauthnRequest, EnrollWebauthnRequest__Output } from './generated/authmesh/core/v1/EnrollWebauthnRequest.js';
export type { UseWebauthnDeviceRequest, UseWebauthnDeviceRequest__Output } from './generated/authmesh/core/v1/UseWebauthnDeviceRequest.js';
export type { WebauthnKey, WebauthnKey__Output } from './generated/authmesh/core/v1/WebauthnKey.js';
export type { EnrollSmsRequest__Output } from './generated/authmesh/core/v1/EnrollSmsRequest.js';
export type { EnrollStaticRequest__Output } from './generated/authmesh/core/v1/EnrollStaticRequest.js';
export type { EnrollStaticResponse__Output } from './generated/authmesh/core/v1/EnrollStaticResponse.js';
export type { ConfirmDeviceRequest__Output } from './generated/authmesh/core/v1/ConfirmDeviceRequest.js';
export type { VerifyDeviceCodeRequest__Output } from './generated/authmesh/core/v1/VerifyDeviceCodeRequest.js';
export type { VerifyDeviceCodeResponse__Output } from './generated/authmesh/core/v1/VerifyDeviceCodeResponse.js';
export type { GetStageRequest__Output } from './generated/authmesh/core/v1/GetStageRequest.js';
export type { OAuth2Provider, OAuth2Provider__Output } from './generated/authmesh/core/v1/OAuth2Provider.js';
export type { TrustedJwksSource, TrustedJwksSource__Output } from './generated/authmesh/core/v1/TrustedJwksSource.js';
export type { GetOAuth2ProviderRequest__Output } from './generated/authmesh/core/v1/GetOAuth2ProviderRequest.js';
export type { VerifyClientSecretRequest__Output } from './generated/authmesh/core/v1/VerifyClientSecretRequest.js';
export type { EvaluateScopesRequest__Output } from './generated/authmesh/core/v1/EvaluateScopesRequest.js';
export type { EvaluateScopesResponse } from './generated/authmesh/core/v1/EvaluateScopesResponse.js';
export type {
  NotificationConfigServiceClient,
  NotificationConfigServiceDefinition,
  NotificationConfigServiceHandlers,
} from './generated/authmesh/core/v1/NotificationConfigService.js';
export type { NotificationRule, NotificationRule__Output } from './generated/authmesh/core/v1/NotificationRule.js';
export type { NotificationTransport, NotificationTransport__Output } from './generated/authmesh/core/v1/NotificationTransport.js';
export type {
  ListNotificationRulesResponse,
  ListNotificationRulesResponse__Output,
} from './generated/authmesh/core/v1/ListNotificationRulesResponse.js';
export type {
  GetNotificationTransportRequest,
  GetNotificationTransportRequest__Output,
} from './generated/authmesh/core/v1/GetNotificationTransportRequest.js';
export type { ListGroupMembersRequest, ListGroupMembersRequest__Output } from './generated/authmesh/core/v1/ListGroupMembersRequest.js';
export type { ListGroupMembersResponse, ListGroupMembersResponse__Output } from './generated/authmesh/core/v1/ListGroupMembersResponse.js';
export type { Recipient, Recipient__Output } from './generated/authmesh/core/v1/Recipient.js';

// authmesh.events.v1
export type { EventServiceClient, EventServiceDefinition, EventServiceHandlers } from './generated/authmesh/events/v1/EventService.js';
export type { Event, Event__Output } from './generated/authmesh/events/v1/Event.js';
export type { EventCreated, EventCreated__Output } from './generated/authmesh/events/v1/EventCreated.js';
export type { CreateEventResponse, CreateEventResponse__Output } from './generated/authmesh/events/v1/CreateEventResponse.js';
export type {
  NotificationServiceClient,
  NotificationServiceDefinition,
  NotificationServiceHandlers,
} from './generated/authmesh/events/v1/NotificationService.js';
export type { TestTransportRequest, TestTransportRequest__Output } from './generated/authmesh/events/v1/TestTransportRequest.js';
export type { TestTransportResponse, TestTransportResponse__Output } from './generated/authmesh/events/v1/TestTransportResponse.js';

// authmesh.flows.v1
export type { FlowServiceClient, FlowServiceDefinition, FlowServiceHandlers } from './generated/authmesh/flows/v1/FlowService.js';
export type { FlowStatus, FlowStatus__Output } from './generated/authmesh/flows/v1/FlowStatus.js';
export type { CacheInfo } from './generated/authmesh/flows/v1/CacheInfo.js';
export type { TestPolicyRequest__Output } from './generated/authmesh/flows/v1/TestPolicyRequest.js';
export type { TestPolicyResponse, TestPolicyResponse__Output } from './generated/authmesh/flows/v1/TestPolicyResponse.js';
export type { PreparePlanRequest, PreparePlanRequest__Output } from './generated/authmesh/flows/v1/PreparePlanRequest.js';
export type { PreparePlanResponse, PreparePlanResponse__Output } from './generated/authmesh/flows/v1/PreparePlanResponse.js';
export type { CheckApplicationAccessRequest__Output } from './generated/authmesh/flows/v1/CheckApplicationAccessRequest.js';
export type { CheckApplicationAccessResponse } from './generated/authmesh/flows/v1/CheckApplicationAccessResponse.js';
export type { EvaluateBindingsRequest, EvaluateBindingsRequest__Output } from './generated/authmesh/flows/v1/EvaluateBindingsRequest.js';
export type { EvaluateBindingsResponse, EvaluateBindingsResponse__Output } from './generated/authmesh/flows/v1/EvaluateBindingsResponse.js';
export type { CreateRecoveryLinkRequest__Output } from './generated/authmesh/flows/v1/CreateRecoveryLinkRequest.js';
export type { CreateRecoveryLinkResponse__Output } from './generated/authmesh/flows/v1/CreateRecoveryLinkResponse.js';

// authmesh.oauth2.v1
export type { DeviceCodeServiceHandlers } from './generated/authmesh/oauth2/v1/DeviceCodeService.js';
export type { DeviceCodeActor, DeviceCodeActor__Output } from './generated/authmesh/oauth2/v1/DeviceCodeActor.js';
export type { FindDeviceCodeRequest__Output } from './generated/authmesh/oauth2/v1/FindDeviceCodeRequest.js';
export type { FindDeviceCodeResponse, FindDeviceCodeResponse__Output } from './generated/authmesh/oauth2/v1/FindDeviceCodeResponse.js';
export type { ApproveDeviceCodeRequest__Output } from './generated/authmesh/oauth2/v1/ApproveDeviceCodeRequest.js';
export type { DenyDeviceCodeRequest__Output } from './generated/authmesh/oauth2/v1/DenyDeviceCodeRequest.js';
export type {
  SettleDeviceCodeResponse,
  SettleDeviceCodeResponse__Output,
} from './generated/authmesh/oauth2/v1/SettleDeviceCodeResponse.js';

// authmesh.config.v1 (bus payload only)
export type { ConfigChanged, ConfigChanged__Output } from './generated/authmesh/config/v1/ConfigChanged.js';

// grpc.health.v1
export type { HealthCheckResponse, HealthCheckResponse__Output } from './generated/grpc/health/v1/HealthCheckResponse.js';
export type { AuthenticateRequest, AuthenticateRequest__Output } from './generated/authmesh/flows/v1/AuthenticateRequest.js';
export type { AuthenticateResponse } from './generated/authmesh/flows/v1/AuthenticateResponse.js';
