import type { Logger } from '@authmesh/logger';
import { createServiceDataSource } from '@authmesh/db';
import { GroupEntity } from '../groups/group.entity.js';
import { TokenEntity } from '../tokens/token.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { IdentityCore1764374400000 } from '../migrations/1764374400000-identity-core.js';
import { BootstrapState1764374400001 } from '../migrations/1764374400001-bootstrap-state.js';
import { BrandsCryptoApplications1764374400002 } from '../migrations/1764374400002-brands-crypto-applications.js';
import { EventOutbox1764374400003 } from '../migrations/1764374400003-event-outbox.js';
import { BlueprintInstances1764374400004 } from '../migrations/1764374400004-blueprint-instances.js';
import { BlueprintInstanceEntity } from '../blueprints/blueprint-instance.entity.js';
import { FlowEntity } from '../flows/flow.entity.js';
import { Flows1764374400005 } from '../migrations/1764374400005-flows.js';
import { StagesAndBindings1764374400006 } from '../migrations/1764374400006-stages-and-bindings.js';
import { StageEntity } from '../stages/stage.entity.js';
import { FlowStageBindingEntity } from '../flows/flow-stage-binding.entity.js';
import { ApplicationEntity } from '../applications/application.entity.js';
import { BrandEntity } from '../brands/brand.entity.js';
import { CertificateKeyPairEntity } from '../certificates/certificate-key-pair.entity.js';
import { PropertyMappingEntity } from '../providers/property-mapping.entity.js';
import { ProviderEntity } from '../providers/provider.entity.js';
import { PromptsInvitations1764374400009 } from '../migrations/1764374400009-prompts-invitations.js';
import { PromptEntity } from '../prompts/prompt.entity.js';
import { InvitationEntity } from '../invitations/invitation.entity.js';
import { UserConsents1764374400010 } from '../migrations/1764374400010-user-consents.js';
import { ConsentEntity } from '../consents/consent.entity.js';
import { AuthenticatorDevices1764374400011 } from '../migrations/1764374400011-authenticator-devices.js';
import { WebauthnCredentials1764374400012 } from '../migrations/1764374400012-webauthn-credentials.js';
import { DeviceEntity } from '../authenticators/device.entity.js';
import { Sessions1764374400008 } from '../migrations/1764374400008-sessions.js';
import { SessionEntity } from '../sessions/session.entity.js';
import { Policies1764374400007 } from '../migrations/1764374400007-policies.js';
import { PolicyEntity } from '../policies/policy.entity.js';
import { PolicyBindingEntity } from '../policies/bindings/policy-binding.entity.js';
import { OAuth2Providers1764374400020 } from '../migrations/1764374400020-oauth2-providers.js';
import { Sources1764374400040 } from '../migrations/1764374400040-sources.js';
import { PolicyBindingsOnSources1764374400045 } from '../migrations/1764374400045-policy-bindings-on-sources.js';
import { NotificationRulesTransports1764374400050 } from '../migrations/1764374400050-notification-rules-transports.js';
import { NotificationTransportEntity } from '../notifications/notification-transport.entity.js';
import { NotificationRuleEntity } from '../notifications/notification-rule.entity.js';
import { SourceEntity } from '../sources/source.entity.js';
import { OAuthSourceEntity } from '../sources/oauth/oauth-source.entity.js';
import { OAuth2RetiredKeysBackchannelLogout1764374400030 } from '../migrations/1764374400030-oauth2-retired-keys-backchannel-logout.js';
import { SessionImpersonation1764374400046 } from '../migrations/1764374400046-session-impersonation.js';
import { OAuth2ProviderEntity } from '../providers/oauth2/oauth2-provider.entity.js';
import { ScopeMappingEntity } from '../providers/oauth2/scope-mapping.entity.js';
import { SystemTasks1764374400070 } from '../migrations/1764374400070-system-tasks.js';
import { SystemTaskEntity } from '../system-tasks/system-task.entity.js';

/** Core's entities and migrations, in order. New ones are appended here. */
export const CORE_ENTITIES = [
  UserEntity,
  GroupEntity,
  TokenEntity,
  BrandEntity,
  CertificateKeyPairEntity,
  PropertyMappingEntity,
  ProviderEntity,
  ApplicationEntity,
  BlueprintInstanceEntity,
  FlowEntity,
  StageEntity,
  FlowStageBindingEntity,
  PolicyEntity,
  PolicyBindingEntity,
  SessionEntity,
  PromptEntity,
  InvitationEntity,
  ConsentEntity,
  DeviceEntity,
  OAuth2ProviderEntity,
  ScopeMappingEntity,
  SourceEntity,
  OAuthSourceEntity,
  NotificationTransportEntity,
  NotificationRuleEntity,
  SystemTaskEntity,
];
export const CORE_MIGRATIONS = [
  IdentityCore1764374400000,
  BootstrapState1764374400001,
  BrandsCryptoApplications1764374400002,
  EventOutbox1764374400003,
  BlueprintInstances1764374400004,
  Flows1764374400005,
  StagesAndBindings1764374400006,
  Policies1764374400007,
  Sessions1764374400008,
  PromptsInvitations1764374400009,
  UserConsents1764374400010,
  AuthenticatorDevices1764374400011,
  WebauthnCredentials1764374400012,
  OAuth2Providers1764374400020,
  Sources1764374400040,
  OAuth2RetiredKeysBackchannelLogout1764374400030,
  SessionImpersonation1764374400046,
  PolicyBindingsOnSources1764374400045,
  NotificationRulesTransports1764374400050,
  SystemTasks1764374400070,
];

/** The DataSource of the `core` schema. */
export function createCoreDataSource(url: string, logger: Logger) {
  return createServiceDataSource({ url, schema: 'core', entities: CORE_ENTITIES, migrations: CORE_MIGRATIONS, logger });
}
