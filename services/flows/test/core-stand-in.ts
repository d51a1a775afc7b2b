import { randomBytes, randomUUID } from 'node:crypto';
import type { Logger } from '@authmesh/logger';
import { GrpcHost, loadProtos, unary, type FlowDefinition, type PolicyBinding, type User } from '@authmesh/rpc';
import { NotFoundError } from '@authmesh/runtime';

/** A user the stand-in knows, with a plain-text password (it only answers tests). */
export interface StandInUser {
  user: User & { pk: string; username: string };
  password: string;
  appPassword?: string;
  /** An API token (Bearer) of this user. */
  apiToken?: string;
}

/**
 * Core's FlowConfigService and IdentityService as a small in-memory gRPC server, so the flows
 * service is tested through its real gRPC clients without importing core (services never
 * import each other). Tests put flows and users in and read sessions out.
 */
export class CoreStandIn {
  readonly flows = new Map<string, FlowDefinition & { slug: string; pk: string }>();
  readonly users = new Map<string, StandInUser>();
  readonly sessions = new Map<string, string>();
  readonly passwordChecks: string[] = [];
  /** Consents by `user:application` → permissions and expiry (ms since epoch, 0 = never). */
  readonly consents = new Map<string, { permissions: string[]; expires: number }>();
  /** Policy bindings of targets other than flows (applications, notification rules). */
  readonly bindings: PolicyBinding[] = [];
  private host?: GrpcHost;

  async start(meshKey: string, logger: Logger): Promise<string> {
    const host = new GrpcHost({ meshKey, logger });
    const protos = loadProtos();
    host.add(protos.flowConfig.authmesh.core.v1.FlowConfigService.service, {
      GetFlow: unary(logger, async (req: { slug: string }) => {
        const flow = this.flows.get(req.slug);
        if (!flow) throw new NotFoundError('flow not found');
        return flow;
      }),
      GetDefaultFlow: unary(logger, async (req: { designation: string }) => {
        const flow = [...this.flows.values()].find((f) => f.designation === req.designation);
        if (!flow) throw new NotFoundError('no flow');
        return { slug: flow.slug };
      }),
      ListPolicyBindings: unary(logger, async (req: { targets: string[] }) => ({
        bindings: [...[...this.flows.values()].flatMap((f) => f.policy_bindings ?? []), ...this.bindings].filter((b) =>
          req.targets.includes(b.target ?? ''),
        ),
      })),
      GetStage: unary(logger, async (req: { pk: string }) => {
        const stage = [...this.flows.values()].flatMap((f) => f.bindings ?? []).find((b) => b.stage?.pk === req.pk)?.stage;
        if (!stage) throw new NotFoundError('stage not found');
        return stage;
      }),
    });
    host.add(protos.identity.authmesh.core.v1.IdentityService.service, {
      GetUser: unary(logger, async (req: { pk?: string; username?: string; email?: string }) => {
        const found = [...this.users.values()].find(
          (u) =>
            (req.pk && u.user.pk === req.pk) ||
            (req.username && u.user.username.toLowerCase() === req.username.toLowerCase()) ||
            (req.email && u.user.email?.toLowerCase() === req.email.toLowerCase()),
        );
        if (!found) throw new NotFoundError('user not found');
        return found.user;
      }),
      VerifyPassword: unary(logger, async (req: { username: string; password: string }) => {
        this.passwordChecks.push(req.username);
        const found = [...this.users.values()].find((u) => u.user.username === req.username);
        return found && found.password === req.password && found.user.is_active !== false
          ? { valid: true, user: found.user }
          : { valid: false };
      }),
      CheckToken: unary(logger, async (req: { key: string; intent: string }) => {
        const found = [...this.users.values()].find(
          (u) =>
            (u.appPassword && u.appPassword === req.key && req.intent === 'app_password') ||
            (u.apiToken && u.apiToken === req.key && req.intent === 'api'),
        );
        return found
          ? { valid: true, user: found.user, intent: req.intent, token_identifier: `${found.user.username}-token` }
          : { valid: false };
      }),
      CreateSession: unary(logger, async (req: { user_pk: string }) => {
        const key = randomBytes(32).toString('base64url');
        this.sessions.set(key, req.user_pk);
        return { session_key: key, session_uuid: randomUUID(), expires: new Date(Date.now() + 3600_000).toISOString() };
      }),
      CheckSession: unary(logger, async (req: { session_key: string }) => {
        const pk = this.sessions.get(req.session_key);
        const found = pk ? this.users.get(pk) : undefined;
        return found ? { valid: true, user: found.user, session_uuid: 'session' } : { valid: false };
      }),
      CheckConsent: unary(logger, async (req: { user_pk: string; application_slug: string; permissions: string[] }) => {
        const consent = this.consents.get(`${req.user_pk}:${req.application_slug}`);
        const live = consent && (consent.expires === 0 || consent.expires > Date.now());
        return { valid: Boolean(live && req.permissions.every((p) => consent.permissions.includes(p))) };
      }),
      GrantConsent: unary(
        logger,
        async (req: { user_pk: string; application_slug: string; permissions: string[]; expires_in_seconds: string }) => {
          const seconds = Number(req.expires_in_seconds);
          this.consents.set(`${req.user_pk}:${req.application_slug}`, {
            permissions: req.permissions,
            expires: seconds > 0 ? Date.now() + seconds * 1000 : 0,
          });
          return {};
        },
      ),
      EndSession: unary(logger, async (req: { session_key: string }) => {
        this.sessions.delete(req.session_key);
        return {};
      }),
    });
    this.host = host;
    return `127.0.0.1:${await host.start('127.0.0.1:0')}`;
  }

  async stop(): Promise<void> {
    await this.host?.stop(100);
  }

  addUser(pk: string, username: string, password: string, extra: Partial<User> = {}): void {
    this.users.set(pk, { user: { pk, username, email: `${username}@example.com`, is_active: true, groups: [], ...extra }, password });
  }
}

/** Builds a flow definition from stage types in order; settings per stage are optional. */
export function flowOf(
  slug: string,
  stages: Array<{ type: string; settings?: Record<string, unknown>; binding?: Partial<NonNullable<FlowDefinition['bindings']>[number]> }>,
  extra: Partial<FlowDefinition> = {},
): FlowDefinition & { slug: string; pk: string } {
  return {
    pk: randomUUID(),
    slug,
    name: slug,
    title: `Title of ${slug}`,
    designation: 'authentication',
    authentication: 'none',
    layout: 'stacked',
    background: '',
    denied_action: 'message_continue',
    policy_engine_mode: 'any',
    compatibility_mode: false,
    policy_bindings: [],
    ...extra,
    bindings: stages.map((stage, i) => ({
      pk: randomUUID(),
      order: (i + 1) * 10,
      evaluate_on_plan: false,
      re_evaluate_policies: true,
      policy_engine_mode: 'any',
      invalid_response_action: 'retry',
      ...stage.binding,
      stage: {
        pk: randomUUID(),
        name: `${slug}-${stage.type}-${i}`,
        type: stage.type,
        settings_json: JSON.stringify(stage.settings ?? {}),
      },
    })),
  };
}

/** A policy binding of a policy with settings. */
export function policyBinding(
  target: string,
  type: string,
  settings: Record<string, unknown>,
  extra: Partial<PolicyBinding> = {},
): PolicyBinding {
  return {
    pk: randomUUID(),
    target,
    order: 0,
    enabled: true,
    negate: false,
    timeout_seconds: 30,
    failure_result: false,
    policy: { pk: randomUUID(), name: `${type}-${randomUUID()}`, type, execution_logging: false, settings_json: JSON.stringify(settings) },
    ...extra,
  };
}
