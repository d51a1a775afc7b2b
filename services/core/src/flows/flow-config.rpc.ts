import { Inject, Injectable } from '@nestjs/common';
import {
  loadProtos,
  unary,
  type FlowDefinition,
  type GetDefaultFlowRequest__Output,
  type GetDefaultFlowResponse,
  type GetFlowRequest__Output,
  type GrpcHost,
  type ListPolicyBindingsRequest__Output,
  type ListPolicyBindingsResponse,
  type PolicyBinding,
  type StageDefinition,
} from '@authmesh/rpc';
import { NotFoundError } from '@authmesh/runtime';
import { BrandRepository } from '../brands/brand.repository.js';
import { InvitationService } from '../invitations/invitation.service.js';
import { PromptRepository } from '../prompts/prompt.repository.js';
import { WebhookMappingService } from '../notifications/webhook-mapping.service.js';
import { serializePrompt } from '../prompts/prompt.service.js';
import { CORE_OPTIONS } from '../core.tokens.js';
import type { CoreOptions } from '../core.options.js';
import { PolicyBindingRepository } from '../policies/bindings/policy-binding.repository.js';
import type { PolicyBindingEntity } from '../policies/bindings/policy-binding.entity.js';
import type { PolicyEntity } from '../policies/policy.entity.js';
import { PolicyRepository } from '../policies/policy.repository.js';
import { PolicyService } from '../policies/policy.service.js';
import { StageRepository } from '../stages/stage.repository.js';
import { StageService } from '../stages/stage.service.js';
import type { StageEntity } from '../stages/stage.entity.js';
import { FlowStageBindingRepository } from './flow-stage-binding.repository.js';
import { FlowRepository } from './flow.repository.js';
import type { FlowEntity } from './flow.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which brand field names the default flow of a designation. */
const BRAND_FLOW: Record<
  string,
  'flowAuthentication' | 'flowInvalidation' | 'flowRecovery' | 'flowUnenrollment' | 'flowUserSettings' | 'flowDeviceCode'
> = {
  authentication: 'flowAuthentication',
  invalidation: 'flowInvalidation',
  recovery: 'flowRecovery',
  unenrollment: 'flowUnenrollment',
  stage_configuration: 'flowUserSettings',
  device_code: 'flowDeviceCode',
};
/** Brand flows that are never chosen by designation: a device code flow is only the brand's own. */
const BRAND_ONLY = new Set(['device_code']);

/** Core's FlowConfigService: what the flow executor needs to plan and run a flow. */
@Injectable()
export class FlowConfigRpc {
  constructor(
    private readonly flows: FlowRepository,
    private readonly bindings: FlowStageBindingRepository,
    private readonly stages: StageRepository,
    private readonly stageService: StageService,
    private readonly policyBindings: PolicyBindingRepository,
    private readonly policies: PolicyRepository,
    private readonly policyService: PolicyService,
    private readonly brands: BrandRepository,
    private readonly invitations: InvitationService,
    private readonly prompts: PromptRepository,
    private readonly webhookMappings: WebhookMappingService,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  register(host: GrpcHost): void {
    const logger = this.options.logger;
    host.add(loadProtos().flowConfig.authmesh.core.v1.FlowConfigService.service, {
      GetFlow: unary(logger, (req: GetFlowRequest__Output) => this.getFlow(req.slug)),
      GetDefaultFlow: unary(logger, (req: GetDefaultFlowRequest__Output) => this.getDefaultFlow(req)),
      ListPolicyBindings: unary(logger, (req: ListPolicyBindingsRequest__Output) => this.listPolicyBindings(req.targets)),
      UseInvitation: unary(logger, async (req: { token: string; flow_pk: string }) => {
        const invitation = UUID.test(req.token) && UUID.test(req.flow_pk) ? await this.invitations.use(req.token, req.flow_pk) : null;
        if (!invitation) return { valid: false };
        return { valid: true, fixed_data_json: JSON.stringify(invitation.fixedData), invitation_pk: invitation.id };
      }),
      GetStage: unary(logger, async (req: { pk: string }) => {
        const stage = UUID.test(req.pk) ? await this.stages.findById(req.pk) : null;
        if (!stage) throw new NotFoundError('stage not found');
        return this.stageMessage(stage);
      }),
    });
  }

  async getFlow(slug: string): Promise<FlowDefinition> {
    const flow = await this.flows.findBySlug(slug);
    if (!flow) throw new NotFoundError('flow not found');
    const [bindings] = await this.bindings.list({ target: flow.id }, { page: 1, page_size: 1000 });
    const stages = new Map<string, StageEntity>();
    for (const binding of bindings) {
      const stage = stages.get(binding.stageId) ?? (await this.stages.findById(binding.stageId));
      if (stage) stages.set(stage.id, stage);
    }
    const policyBindings = await this.listPolicyBindings([flow.id, ...bindings.map((b) => b.id)]);
    const stageMessages = new Map<string, StageDefinition>();
    for (const stage of stages.values()) stageMessages.set(stage.id, await this.stageMessage(stage));
    return {
      ...flowFields(flow),
      bindings: bindings
        .filter((b) => stages.has(b.stageId))
        .map((b) => ({
          pk: b.id,
          order: b.order,
          evaluate_on_plan: b.evaluateOnPlan,
          re_evaluate_policies: b.reEvaluatePolicies,
          policy_engine_mode: b.policyEngineMode,
          invalid_response_action: b.invalidResponseAction,
          stage: stageMessages.get(b.stageId),
        })),
      policy_bindings: policyBindings.bindings,
    };
  }

  async getDefaultFlow(request: GetDefaultFlowRequest__Output): Promise<GetDefaultFlowResponse> {
    const field = BRAND_FLOW[request.designation];
    const { brand } = await this.brands.forHost(request.host.toLowerCase());
    const brandFlow = field && brand?.[field];
    const flow = brandFlow
      ? await this.flows.findOneBy({ id: brandFlow })
      : BRAND_ONLY.has(request.designation)
        ? null
        : await this.flows.findOneBy({ designation: request.designation as FlowEntity['designation'] });
    if (!flow) throw new NotFoundError(`no ${request.designation} flow is configured`);
    return { slug: flow.slug };
  }

  async listPolicyBindings(targets: string[]): Promise<ListPolicyBindingsResponse> {
    const rows = await this.policyBindings.forTargets(targets.filter((t) => UUID.test(t)));
    const policies = new Map((await this.policies.findByIds(rows.flatMap((r) => (r.policyId ? [r.policyId] : [])))).map((p) => [p.id, p]));
    return { bindings: rows.map((row) => this.bindingMessage(row, policies)) };
  }

  private bindingMessage(row: PolicyBindingEntity, policies: Map<string, PolicyEntity>): PolicyBinding {
    const base: PolicyBinding = {
      pk: row.id,
      target: row.target,
      order: row.order,
      enabled: row.enabled,
      negate: row.negate,
      timeout_seconds: row.timeout,
      failure_result: row.failureResult,
    };
    const policy = row.policyId ? policies.get(row.policyId) : undefined;
    if (policy) {
      return {
        ...base,
        policy: {
          pk: policy.id,
          name: policy.name,
          type: policy.type,
          execution_logging: policy.executionLogging,
          settings_json: JSON.stringify(this.policyService.runtimeSettings(policy)),
        },
      };
    }
    if (row.groupId) return { ...base, group_pk: row.groupId };
    return { ...base, user_pk: String(row.userId) };
  }

  private async stageMessage(stage: StageEntity): Promise<StageDefinition> {
    const settings = this.stageService.runtimeSettings(stage);
    if (stage.type === 'prompt') {
      // The prompt stage runtime needs its fields and validation policies whole.
      const fieldIds = (settings.fields as string[] | undefined) ?? [];
      // The stage's own list order breaks ties between prompts of the same order.
      const prompts = await this.prompts.findByIds(fieldIds);
      prompts.sort((a, b) => fieldIds.indexOf(a.id) - fieldIds.indexOf(b.id));
      settings.fields = prompts.map((p) => serializePrompt(p));
      const policyIds = (settings.validation_policies as string[] | undefined) ?? [];
      settings.validation_policies = (await this.policies.findByIds(policyIds)).map((p) => ({
        pk: p.id,
        name: p.name,
        type: p.type,
        settings: this.policyService.runtimeSettings(p),
      }));
    }
    if (stage.type === 'authenticator_sms' && typeof settings.mapping === 'string') {
      // The runtime builds the gateway's request body with the mapping's expression.
      settings.mapping = await this.webhookMappings.forRuntime(settings.mapping);
    }
    if (stage.type === 'identification') {
      // Links on the form name flows by slug; the settings name them by id.
      for (const key of ['enrollment_flow', 'recovery_flow', 'passwordless_flow']) {
        const id = settings[key];
        settings[`${key}_slug`] = typeof id === 'string' ? ((await this.flows.findOneBy({ id }))?.slug ?? null) : null;
      }
    }
    return { pk: stage.id, name: stage.name, type: stage.type, settings_json: JSON.stringify(settings) };
  }
}

function flowFields(flow: FlowEntity): FlowDefinition {
  return {
    pk: flow.id,
    slug: flow.slug,
    name: flow.name,
    title: flow.title,
    designation: flow.designation,
    authentication: flow.authentication,
    layout: flow.layout,
    background: flow.background,
    denied_action: flow.deniedAction,
    policy_engine_mode: flow.policyEngineMode,
    compatibility_mode: flow.compatibilityMode,
  };
}
