import { createHash, randomUUID } from 'node:crypto';
import { Subjects } from '@authmesh/bus';
import { databaseHealthy, schemaMigrator } from '@authmesh/db';
import { createHttpApp, remotePrincipalResolver } from '@authmesh/http';
import { ExpressionEngine } from '@authmesh/expressions';
import { OutboundClient } from '@authmesh/outbound';
import {
  DeviceCodeClient,
  FlowConfigClient,
  IdentityClient,
  loadProtos,
  RpcCallError,
  unary,
  type FlowStatus,
  type AuthenticateRequest__Output,
  type PreparePlanRequest__Output,
  type TestPolicyRequest__Output,
  type CheckApplicationAccessRequest__Output,
  type EvaluateBindingsRequest__Output,
  type CreateRecoveryLinkRequest__Output,
  type PreparePlanResponse,
} from '@authmesh/rpc';
import { startServiceTasks, ValidationFailedError, type ServiceDefinition } from '@authmesh/runtime';
import { createFlowsDataSource } from './database/flows.data-source.js';
import { ExecutionRepository } from './executor/execution.repository.js';
import { FlowTokenRepository } from './executor/flow-token.repository.js';
import { authenticatorDuoStage } from './stages/authenticator-duo/authenticator-duo.stage.js';
import { captchaStage } from './stages/captcha/captcha.stage.js';
import { emailStage } from './stages/email/email.stage.js';
import { FlowConfigCache } from './executor/flow-config.cache.js';
import { FlowExecutor } from './executor/flow-executor.js';
import { ProtocolLogin } from './executor/protocol-login.js';
import { FlowPlanner } from './executor/flow-planner.js';
import { FlowsModule } from './flows.module.js';
import { HibpRangeClient } from './policies/password/hibp-range.client.js';
import { PolicyEngine } from './policies/policy-engine.js';
import { checkApplicationAccess } from './policies/application-access.js';
import { evaluateBindings } from './policies/target-bindings.js';
import { testPolicy } from './policies/policy-test.js';
import { policyRuntimes } from './policies/policy-runtimes.js';
import { ReputationRepository } from './reputation/reputation.repository.js';
import { ReputationService } from './reputation/reputation.service.js';
import { DeviceEntry } from './executor/device-entry.js';
import { RecoveryLinks } from './recovery/recovery-links.js';
import type { EventActor, StageServices } from './stages/stage-services.js';
import { stageRuntimes } from './stages/stage-runtimes.js';

export const FLOW_SERVICE_NAME = 'authmesh.flows.v1.FlowService';

/** How often expired executions are purged. */
const PURGE_INTERVAL_MS = 10 * 60 * 1000;

/** The flow executor: plans and runs flows, evaluates policies, keeps reputation. */
export const flowsService: ServiceDefinition = {
  name: 'flows',

  migrate: schemaMigrator('flows', createFlowsDataSource),

  async start(ctx) {
    const logger = ctx.logger.child({ service: 'flows' });
    const dataSource = createFlowsDataSource(ctx.databaseUrl, logger);
    await dataSource.initialize();
    const identity = new IdentityClient(ctx.addresses.grpc('core'), ctx.meshKey);
    const config = new FlowConfigClient(ctx.addresses.grpc('core'), ctx.meshKey);
    const deviceCodes = new DeviceCodeClient(ctx.addresses.grpc('oauth2'), ctx.meshKey);
    const configs = new FlowConfigCache(config);
    const reputation = new ReputationService(new ReputationRepository(dataSource, ctx.config.reputation_expiry_seconds));
    const outbound = new OutboundClient({ allowedNetworks: ctx.config.outbound_allowed_cidrs, userAgent: `authmesh/${ctx.version}` });
    // Duo's synchronous push answers when the user does, which can take up to a minute.
    const duoOutbound = new OutboundClient({
      allowedNetworks: ctx.config.outbound_allowed_cidrs,
      userAgent: `authmesh/${ctx.version}`,
      timeoutMs: 65_000,
    });
    const expressions = await ExpressionEngine.create();
    const engine = new PolicyEngine(
      policyRuntimes({ reputation, hibp: new HibpRangeClient(ctx.config.hibp_url, outbound), expressions, identity }),
      logger,
    );
    const executions = new ExecutionRepository(dataSource);

    const services: StageServices = {
      identity,
      config,
      reputation,
      policies: engine,
      expressions,
      externalUrl: ctx.config.external_url,
      outbound,
      twilioUrl: ctx.config.twilio_url,
      duoUrl: ctx.config.duo_url,
      duoOutbound,
      deviceCodes,
      cookieSecret: createHash('sha256').update(`authmesh-flows-cookies:${ctx.secretKey}`).digest('base64url'),
      logger,
      async emitEvent(action: string, user: EventActor | null, clientIp: string, context: Record<string, unknown>) {
        const payload = {
          event_uuid: randomUUID(),
          action,
          app: 'authmesh.flows',
          user: user ? { pk: Number(user.pk), username: user.username, email: user.email } : {},
          client_ip: clientIp,
          brand: {},
          context,
          created: new Date().toISOString(),
        };
        // The login itself must not wait on, or fail with, the event log.
        ctx.bus.publishDurable(Subjects.eventCreated, payload, { id: payload.event_uuid }).catch((error: unknown) => {
          logger.warn({ err: (error as Error).message, action }, 'event not recorded: bus unavailable');
        });
      },
    };
    const globalMail = {
      host: ctx.config.email_host,
      port: ctx.config.email_port,
      username: ctx.config.email_username,
      password: ctx.config.email_password,
      useTls: ctx.config.email_use_tls,
      useSsl: ctx.config.email_use_ssl,
      timeoutSeconds: ctx.config.email_timeout,
      from: ctx.config.email_from,
    };
    const tokens = new FlowTokenRepository(dataSource);
    const runtimes = stageRuntimes({
      extra: [captchaStage(outbound), emailStage(globalMail), authenticatorDuoStage(duoOutbound, ctx.config.duo_url)],
    });
    if (!ctx.config.external_url) {
      logger.warn('AUTHMESH_EXTERNAL_URL is not set: links in e-mails use the Host header of the request that asked for them');
    }
    const executor = new FlowExecutor(configs, new FlowPlanner(engine), executions, services, runtimes, tokens);
    const protocolLogin = new ProtocolLogin(executor);
    const recoveryLinks = new RecoveryLinks(executor, services, globalMail);
    const principals = remotePrincipalResolver(identity, (error) => error instanceof RpcCallError);
    const { app, handler } = await createHttpApp(
      FlowsModule.register({
        logger,
        executor,
        config,
        principals,
        reputation,
        device: new DeviceEntry(executor, config, identity),
        emitEvent: services.emitEvent,
      }),
      {
        service: 'flows',
        logger,
        metrics: ctx.metrics,
      },
    );

    // Any configuration change may touch a flow; dropping every cached flow is cheap.
    const changes = await ctx.bus.subscribe(Subjects.configChanged, () => {
      configs.clear();
      engine.clearCache();
    });
    ctx.grpc.add(loadProtos().flows.authmesh.flows.v1.FlowService.service, {
      GetStatus: unary(logger, async (): Promise<FlowStatus> => ({ version: ctx.version, ready: ctx.bus.isHealthy() })),
      GetCacheInfo: unary(logger, async () => ({ count: configs.size, policy_count: engine.cacheSize })),
      ClearCache: unary(logger, async () => {
        configs.clear();
        engine.clearCache();
        return { count: 0, policy_count: 0 };
      }),
      TestPolicy: unary(logger, (req: TestPolicyRequest__Output) => testPolicy(engine, identity, req)),
      Authenticate: unary(logger, (req: AuthenticateRequest__Output) => protocolLogin.authenticate(req)),
      CheckApplicationAccess: unary(logger, (req: CheckApplicationAccessRequest__Output) =>
        checkApplicationAccess(engine, identity, config, req),
      ),
      EvaluateBindings: unary(logger, (req: EvaluateBindingsRequest__Output) => evaluateBindings(engine, identity, config, req)),
      CreateRecoveryLink: unary(logger, (req: CreateRecoveryLinkRequest__Output) =>
        recoveryLinks.create({
          userPk: req.user_pk,
          host: req.host,
          secure: req.secure,
          clientIp: req.client_ip,
          emailStagePk: req.email_stage_pk || undefined,
        }),
      ),
      PreparePlan: unary(logger, async (req: PreparePlanRequest__Output): Promise<PreparePlanResponse> => {
        let context: unknown;
        try {
          context = JSON.parse(req.context_json || '{}');
        } catch {
          throw ValidationFailedError.field('context_json', 'not JSON');
        }
        if (!context || typeof context !== 'object' || Array.isArray(context))
          throw ValidationFailedError.field('context_json', 'not a JSON object');
        return executor.prepare({
          slug: req.flow_slug,
          flowKey: req.flow_key,
          sessionKey: req.session_key,
          clientIp: req.client_ip,
          userAgent: req.user_agent,
          host: req.host,
          method: 'GET',
          path: '',
          query: req.query,
          context: context as Record<string, unknown>,
        });
      }),
    });
    const tasks = await startServiceTasks({ bus: ctx.bus, metrics: ctx.metrics, logger }, 'flows', [
      {
        name: 'expired_executions_purge',
        description: 'Deletes flow executions and flow tokens that have expired.',
        intervalMs: PURGE_INTERVAL_MS,
        run: async () => {
          const executionsRemoved = await executions.purgeExpired();
          await tokens.purgeExpired();
          return { messages: [`${executionsRemoved} expired flow execution(s) deleted; expired flow tokens deleted.`] };
        },
      },
    ]);

    return {
      name: 'flows',
      http: {
        prefixes: ['/api/v3/flows/executor/', '/api/v3/flows/inspector/', '/api/v3/policies/reputation/scores/', '/flows/', '/device/'],
        handler,
      },
      async readiness() {
        const database = await databaseHealthy(dataSource);
        const bus = ctx.bus.isHealthy();
        return { ready: database && bus, checks: { database, bus } };
      },
      async stop() {
        await tasks.stop();
        ctx.grpc.setStatus(FLOW_SERVICE_NAME, 'NOT_SERVING');
        await changes.unsubscribe().catch(() => undefined);
        await app.close();
        identity.close();
        config.close();
        deviceCodes.close();
        if (dataSource.isInitialized) await dataSource.destroy();
      },
    };
  },
};
