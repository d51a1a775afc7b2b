import { Injectable } from '@nestjs/common';
import { BlueprintModelRegistry } from '@authmesh/blueprints';
import { ApplicationBlueprint } from '../applications/application.blueprint.js';
import { BrandBlueprint } from '../brands/brand.blueprint.js';
import { CertificateKeyPairBlueprint } from '../certificates/certificate-key-pair.blueprint.js';
import { FlowBlueprint } from '../flows/flow.blueprint.js';
import { FlowStageBindingBlueprint } from '../flows/flow-stage-binding.blueprint.js';
import { StageBlueprints } from '../stages/stage.blueprint.js';
import { PolicyBlueprints } from '../policies/policy.blueprint.js';
import { PolicyBindingBlueprint } from '../policies/bindings/policy-binding.blueprint.js';
import { PromptBlueprint } from '../prompts/prompt.blueprint.js';
import { InvitationBlueprint } from '../invitations/invitation.blueprint.js';
import { GroupBlueprint } from '../groups/group.blueprint.js';
import { TokenBlueprint } from '../tokens/token.blueprint.js';
import { UserBlueprint } from '../users/user.blueprint.js';
import { WebhookMappingBlueprint } from '../notifications/webhook-mapping.blueprint.js';
import { OAuth2ProviderBlueprint } from '../providers/oauth2/oauth2-provider.blueprint.js';
import { ScopeMappingBlueprint } from '../providers/oauth2/scope-mapping.blueprint.js';
import { OAuthSourceBlueprint } from '../sources/oauth/oauth-source.blueprint.js';
import { NotificationTransportBlueprint } from '../notifications/notification-transport.blueprint.js';
import { NotificationRuleBlueprint } from '../notifications/notification-rule.blueprint.js';

/**
 * The models blueprints can name. Each domain folder holds its `<domain>.blueprint.ts`;
 * a new model adds its file and one line here.
 */
@Injectable()
export class CoreBlueprintModels {
  constructor(
    private readonly certificates: CertificateKeyPairBlueprint,
    private readonly flows: FlowBlueprint,
    private readonly stages: StageBlueprints,
    private readonly bindings: FlowStageBindingBlueprint,
    private readonly groups: GroupBlueprint,
    private readonly users: UserBlueprint,
    private readonly tokens: TokenBlueprint,
    private readonly brands: BrandBlueprint,
    private readonly applications: ApplicationBlueprint,
    private readonly policies: PolicyBlueprints,
    private readonly policyBindings: PolicyBindingBlueprint,
    private readonly prompts: PromptBlueprint,
    private readonly invitations: InvitationBlueprint,
    private readonly webhookMappings: WebhookMappingBlueprint,
    private readonly scopeMappings: ScopeMappingBlueprint,
    private readonly oauth2Providers: OAuth2ProviderBlueprint,
    private readonly oauthSources: OAuthSourceBlueprint,
    private readonly notificationTransports: NotificationTransportBlueprint,
    private readonly notificationRules: NotificationRuleBlueprint,
  ) {}

  registry(): BlueprintModelRegistry<unknown> {
    // Registration order is export order: what others refer to comes first.
    const registry = new BlueprintModelRegistry<unknown>();
    // Prompts first: prompt stages list them; webhook mappings too: SMS stages name them.
    registry.register(this.prompts.model());
    registry.register(this.webhookMappings.model());
    for (const stage of this.stages.models()) registry.register(stage);
    for (const policy of this.policies.models()) registry.register(policy);
    registry
      .register(this.certificates.model())
      .register(this.flows.model())
      .register(this.bindings.model())
      .register(this.groups.model())
      .register(this.users.model())
      .register(this.tokens.model())
      .register(this.brands.model())
      // Providers refer to flows, certificates, mappings and (trusted JWKS) sources; applications refer to providers.
      .register(this.oauthSources.model())
      .register(this.scopeMappings.model())
      .register(this.oauth2Providers.model())
      .register(this.applications.model())
      .register(this.invitations.model())
      // Rules refer to groups and transports (which refer to webhook mappings).
      .register(this.notificationTransports.model())
      .register(this.notificationRules.model());
    // Bindings refer to flows, stage bindings, applications, sources and rules, so they come last.
    return registry.register(this.policyBindings.model());
  }
}
