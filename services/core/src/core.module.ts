import { Module, type DynamicModule } from '@nestjs/common';
import { PRINCIPAL_RESOLVER } from '@authmesh/http';
import { EventPublisher } from './audit/event-publisher.js';
import { EventOutboxRepository } from './audit/event-outbox.repository.js';
import { TokenPrincipalResolver } from './auth/token-principal.resolver.js';
import { BootstrapRepository } from './bootstrap/bootstrap.repository.js';
import { BootstrapService } from './bootstrap/bootstrap.service.js';
import { CORE_OPTIONS, DATA_SOURCE } from './core.tokens.js';
import type { CoreOptions } from './core.options.js';
import { Transactions } from './database/transactions.js';
import { GroupController } from './groups/group.controller.js';
import { GroupRepository } from './groups/group.repository.js';
import { GroupService } from './groups/group.service.js';
import { IdentityRpc } from './identity-rpc/identity.rpc.js';
import { TokenController } from './tokens/token.controller.js';
import { TokenRepository } from './tokens/token.repository.js';
import { TokenService } from './tokens/token.service.js';
import { UserController } from './users/user.controller.js';
import { UserRepository } from './users/user.repository.js';
import { UserService } from './users/user.service.js';
import { ImpersonationService } from './users/impersonation.service.js';
import { RecoveryLinkService } from './users/recovery-link.service.js';
import { ApplicationController } from './applications/application.controller.js';
import { ApplicationAccess } from './applications/application-access.js';
import { ApplicationRepository } from './applications/application.repository.js';
import { ApplicationService } from './applications/application.service.js';
import { BrandController } from './brands/brand.controller.js';
import { BrandRepository } from './brands/brand.repository.js';
import { BrandService } from './brands/brand.service.js';
import { CertificateKeyPairController } from './certificates/certificate-key-pair.controller.js';
import { CertificateKeyPairRepository } from './certificates/certificate-key-pair.repository.js';
import { CertificateKeyPairService } from './certificates/certificate-key-pair.service.js';
import { PropertyMappingController } from './providers/property-mapping.controller.js';
import { PropertyMappingRepository } from './providers/property-mapping.repository.js';
import { PropertyMappingService } from './providers/property-mapping.service.js';
import { ProviderController } from './providers/provider.controller.js';
import { ProviderRepository } from './providers/provider.repository.js';
import { ProviderService } from './providers/provider.service.js';
import { BlueprintService } from './blueprints/blueprint.service.js';
import { BlueprintInstanceController } from './blueprints/blueprint-instance.controller.js';
import { BlueprintInstanceRepository } from './blueprints/blueprint-instance.repository.js';
import { BlueprintInstanceService } from './blueprints/blueprint-instance.service.js';
import { CoreBlueprintModels } from './blueprints/core-blueprint-models.js';
import { ApplicationBlueprint } from './applications/application.blueprint.js';
import { BrandBlueprint } from './brands/brand.blueprint.js';
import { CertificateKeyPairBlueprint } from './certificates/certificate-key-pair.blueprint.js';
import { GroupBlueprint } from './groups/group.blueprint.js';
import { TokenBlueprint } from './tokens/token.blueprint.js';
import { UserBlueprint } from './users/user.blueprint.js';
import { FlowBlueprint } from './flows/flow.blueprint.js';
import { FlowStageBindingBlueprint } from './flows/flow-stage-binding.blueprint.js';
import { FlowStageBindingController } from './flows/flow-stage-binding.controller.js';
import { FlowStageBindingRepository } from './flows/flow-stage-binding.repository.js';
import { FlowStageBindingService } from './flows/flow-stage-binding.service.js';
import { StageBlueprints } from './stages/stage.blueprint.js';
import { AllStagesController, stageController } from './stages/stage-controllers.js';
import { StageRepository } from './stages/stage.repository.js';
import { StageService } from './stages/stage.service.js';
import { STAGE_TYPES } from './stages/stage-types.js';
import { DuoDeviceImportController } from './stages/types/authenticator-duo/duo-device-import.controller.js';
import { DuoDeviceImportService } from './stages/types/authenticator-duo/duo-device-import.service.js';
import { FlowController } from './flows/flow.controller.js';
import { FlowRepository } from './flows/flow.repository.js';
import { FlowService } from './flows/flow.service.js';
import { FlowTransferService } from './flows/flow-transfer.service.js';
import { PromptBlueprint } from './prompts/prompt.blueprint.js';
import { PromptController } from './prompts/prompt.controller.js';
import { PromptRepository } from './prompts/prompt.repository.js';
import { PromptService } from './prompts/prompt.service.js';
import { InvitationBlueprint } from './invitations/invitation.blueprint.js';
import { InvitationController } from './invitations/invitation.controller.js';
import { InvitationRepository } from './invitations/invitation.repository.js';
import { InvitationService } from './invitations/invitation.service.js';
import { FlowUserWriter } from './users/flow-user-writer.js';
import { ConsentController } from './consents/consent.controller.js';
import { ConsentRepository } from './consents/consent.repository.js';
import { ConsentService } from './consents/consent.service.js';
import { AllDevicesController, deviceController } from './authenticators/device.controller.js';
import { DEVICE_TYPES } from './authenticators/device.entity.js';
import { DeviceRepository } from './authenticators/device.repository.js';
import { DeviceService } from './authenticators/device.service.js';
import { DeviceRpc } from './authenticators/device.rpc.js';
import { SessionController } from './sessions/session.controller.js';
import { SessionRepository } from './sessions/session.repository.js';
import { SessionService } from './sessions/session.service.js';
import { FlowConfigRpc } from './flows/flow-config.rpc.js';
import { FlowActionsService } from './flows/flow-actions.service.js';
import { UsedByRepository } from './common/used-by/used-by.repository.js';
import { UsedByService } from './common/used-by/used-by.service.js';
import { PolicyBlueprints } from './policies/policy.blueprint.js';
import { AllPoliciesController, policyController } from './policies/policy-controllers.js';
import { PolicyRepository } from './policies/policy.repository.js';
import { PolicyService } from './policies/policy.service.js';
import { POLICY_TYPES } from './policies/policy-types.js';
import { PolicyBindingBlueprint } from './policies/bindings/policy-binding.blueprint.js';
import { WebhookMappingBlueprint } from './notifications/webhook-mapping.blueprint.js';
import { WebhookMappingController } from './notifications/webhook-mapping.controller.js';
import { WebhookMappingRepository } from './notifications/webhook-mapping.repository.js';
import { WebhookMappingService } from './notifications/webhook-mapping.service.js';
import { NotificationTransportBlueprint } from './notifications/notification-transport.blueprint.js';
import { NotificationTransportController } from './notifications/notification-transport.controller.js';
import { NotificationTransportRepository } from './notifications/notification-transport.repository.js';
import { NotificationTransportService } from './notifications/notification-transport.service.js';
import { NotificationRuleBlueprint } from './notifications/notification-rule.blueprint.js';
import { NotificationRuleController } from './notifications/notification-rule.controller.js';
import { NotificationRuleRepository } from './notifications/notification-rule.repository.js';
import { NotificationRuleService } from './notifications/notification-rule.service.js';
import { NotificationConfigRpc } from './notifications/notification-config.rpc.js';
import { NotificationDependents } from './notifications/notification-dependents.js';
import { PolicyBindingController } from './policies/bindings/policy-binding.controller.js';
import { PolicyBindingRepository } from './policies/bindings/policy-binding.repository.js';
import { PolicyBindingService } from './policies/bindings/policy-binding.service.js';
import { OAuth2ProviderBlueprint } from './providers/oauth2/oauth2-provider.blueprint.js';
import { OAuth2ProviderController } from './providers/oauth2/oauth2-provider.controller.js';
import { OAuth2ProviderRepository } from './providers/oauth2/oauth2-provider.repository.js';
import { OAuth2ProviderService } from './providers/oauth2/oauth2-provider.service.js';
import { ScopeMappingBlueprint } from './providers/oauth2/scope-mapping.blueprint.js';
import { ScopeMappingController } from './providers/oauth2/scope-mapping.controller.js';
import { ScopeMappingRepository } from './providers/oauth2/scope-mapping.repository.js';
import { ScopeMappingService } from './providers/oauth2/scope-mapping.service.js';
import { OAuth2ConfigRpc } from './providers/oauth2/oauth2-config.rpc.js';
import { ScopeClaimsService } from './providers/oauth2/scope-claims.service.js';
import { SystemController } from './admin/system.controller.js';
import { SystemService } from './admin/system.service.js';
import { SourceController } from './sources/source.controller.js';
import { SourceRepository } from './sources/source.repository.js';
import { SourceService } from './sources/source.service.js';
import { OAuthSourceBlueprint } from './sources/oauth/oauth-source.blueprint.js';
import { OAuthSourceController } from './sources/oauth/oauth-source.controller.js';
import { OAuthSourceRepository } from './sources/oauth/oauth-source.repository.js';
import { OAuthSourceService } from './sources/oauth/oauth-source.service.js';
import { OidcDiscovery } from './sources/oauth/oidc-discovery.js';
import { KeySetRefresh } from './sources/oauth/key-set-refresh.js';
import { ServiceAccountService } from './users/service-account.service.js';
import { SystemTaskController } from './system-tasks/system-task.controller.js';
import { SystemTaskRepository } from './system-tasks/system-task.repository.js';
import { SystemTaskService } from './system-tasks/system-task.service.js';

/** Wiring of core's HTTP API and gRPC implementations; no logic lives here. */
@Module({})
export class CoreModule {
  static register(options: CoreOptions): DynamicModule {
    return {
      module: CoreModule,
      controllers: [
        UserController,
        GroupController,
        TokenController,
        BrandController,
        CertificateKeyPairController,
        ApplicationController,
        ProviderController,
        PropertyMappingController,
        BlueprintInstanceController,
        FlowController,
        FlowStageBindingController,
        AllStagesController,
        ...STAGE_TYPES.map(stageController),
        DuoDeviceImportController,
        AllPoliciesController,
        PolicyBindingController,
        SessionController,
        AllDevicesController,
        ...DEVICE_TYPES.flatMap((type) => [deviceController(type, false), deviceController(type, true)]),
        ConsentController,
        PromptController,
        InvitationController,
        ...POLICY_TYPES.map(policyController),
        WebhookMappingController,
        NotificationTransportController,
        NotificationRuleController,
        OAuth2ProviderController,
        ScopeMappingController,
        SystemController,
        SourceController,
        OAuthSourceController,
        SystemTaskController,
      ],
      providers: [
        { provide: CORE_OPTIONS, useValue: options },
        { provide: DATA_SOURCE, useValue: options.dataSource },
        { provide: PRINCIPAL_RESOLVER, useExisting: TokenPrincipalResolver },
        TokenPrincipalResolver,
        Transactions,
        SystemService,
        EventPublisher,
        EventOutboxRepository,
        UserRepository,
        UserService,
        ImpersonationService,
        RecoveryLinkService,
        GroupRepository,
        GroupService,
        TokenRepository,
        TokenService,
        BootstrapRepository,
        BootstrapService,
        IdentityRpc,
        BrandRepository,
        BrandService,
        CertificateKeyPairRepository,
        CertificateKeyPairService,
        ApplicationAccess,
        ApplicationRepository,
        ApplicationService,
        ProviderRepository,
        ProviderService,
        PropertyMappingRepository,
        PropertyMappingService,
        CoreBlueprintModels,
        UserBlueprint,
        GroupBlueprint,
        TokenBlueprint,
        BrandBlueprint,
        ApplicationBlueprint,
        CertificateKeyPairBlueprint,
        FlowRepository,
        FlowService,
        FlowBlueprint,
        FlowTransferService,
        StageRepository,
        StageService,
        DuoDeviceImportService,
        StageBlueprints,
        FlowStageBindingRepository,
        FlowStageBindingService,
        FlowStageBindingBlueprint,
        PolicyRepository,
        PolicyService,
        PolicyBlueprints,
        PolicyBindingRepository,
        PolicyBindingService,
        PolicyBindingBlueprint,
        SessionRepository,
        SessionService,
        FlowConfigRpc,
        DeviceRepository,
        DeviceService,
        DeviceRpc,
        FlowActionsService,
        ConsentRepository,
        ConsentService,
        FlowUserWriter,
        PromptRepository,
        PromptService,
        PromptBlueprint,
        InvitationRepository,
        InvitationService,
        InvitationBlueprint,
        BlueprintService,
        BlueprintInstanceRepository,
        BlueprintInstanceService,
        WebhookMappingRepository,
        WebhookMappingService,
        WebhookMappingBlueprint,
        NotificationTransportRepository,
        NotificationTransportService,
        NotificationTransportBlueprint,
        NotificationRuleRepository,
        NotificationRuleService,
        NotificationRuleBlueprint,
        NotificationConfigRpc,
        NotificationDependents,
        OAuth2ProviderRepository,
        OAuth2ProviderService,
        OAuth2ProviderBlueprint,
        ScopeMappingRepository,
        ScopeMappingService,
        ScopeMappingBlueprint,
        OAuth2ConfigRpc,
        ScopeClaimsService,
        UsedByRepository,
        UsedByService,
        SourceRepository,
        SourceService,
        OAuthSourceRepository,
        OAuthSourceService,
        OAuthSourceBlueprint,
        OidcDiscovery,
        KeySetRefresh,
        ServiceAccountService,
        SystemTaskRepository,
        SystemTaskService,
      ],
    };
  }
}

/**
 * Core's HTTP module for building the OpenAPI document without running anything: Nest's
 * preview mode resolves the module graph but instantiates no provider, so the options are
 * never read.
 */
export function coreApiModule(): DynamicModule {
  return CoreModule.register({} as CoreOptions);
}
