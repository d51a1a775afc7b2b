import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Subjects } from '@authmesh/bus';
import { databaseHealthy, schemaMigrator } from '@authmesh/db';
import { createHttpApp, remotePrincipalResolver, requestContext } from '@authmesh/http';
import type { Request } from 'express';
import { OutboundClient } from '@authmesh/outbound';
import {
  FlowClient,
  FlowConfigClient,
  IdentityClient,
  loadProtos,
  OAuth2ConfigClient,
  RpcCallError,
  type User__Output,
} from '@authmesh/rpc';
import { startServiceTasks, type ServiceDefinition } from '@authmesh/runtime';
import type { KoaContext } from 'oidc-provider';
import { Counter } from 'prom-client';
import { AccountFinder } from './accounts/account-finder.js';
import { SubjectDirectory } from './accounts/subject-directory.js';
import { appPasswordGrant } from './accounts/app-password.grant.js';
import { clientAssertionGrant } from './accounts/client-assertion.grant.js';
import { ClientConfigCache } from './clients/client-config.cache.js';
import { deviceCodeHandlers } from './device/device-code.rpc.js';
import { DeviceCodes } from './device/device-codes.js';
import { createOAuth2DataSource } from './database/oauth2.data-source.js';
import { OAuth2Handler } from './http/oauth2.handler.js';
import { InteractionHandler } from './interactions/interaction.handler.js';
import { IssuerRegistry, type Issuer } from './issuer/issuer-registry.js';
import { OAuth2Module } from './oauth2.module.js';
import { GitHubCompat, GITHUB_PREFIXES } from './github/github-compat.handler.js';
import { OidcModelRepository } from './storage/oidc-model.repository.js';
import { postgresAdapter } from './storage/postgres-adapter.js';

/** How often expired codes, tokens and sessions are deleted. */
const PURGE_INTERVAL_MS = 10 * 60 * 1000;

/** Reuse of a rotated refresh token or a redeemed code: the signs of a stolen credential. */
const REUSE = /refresh token already used|already consumed/;

/** The OAuth2/OpenID Connect provider runtime (oidc-provider) at /application/o/. */
export const oauth2Service: ServiceDefinition = {
  name: 'oauth2',

  migrate: schemaMigrator('oauth2', createOAuth2DataSource),

  async start(ctx) {
    const logger = ctx.logger.child({ service: 'oauth2' });
    const dataSource = createOAuth2DataSource(ctx.databaseUrl, logger);
    await dataSource.initialize();
    const models = new OidcModelRepository(dataSource);
    const identity = new IdentityClient(ctx.addresses.grpc('core'), ctx.meshKey);
    const core = new OAuth2ConfigClient(ctx.addresses.grpc('core'), ctx.meshKey);
    const flowConfig = new FlowConfigClient(ctx.addresses.grpc('core'), ctx.meshKey);
    const flows = new FlowClient(ctx.addresses.grpc('flows'), ctx.meshKey);
    const tokens = new Counter({
      name: 'authmesh_oauth2_events_total',
      help: 'OAuth2 protocol outcomes by kind',
      labelNames: ['kind'],
      registers: [ctx.metrics],
    });

    const emitEvent = (
      action: string,
      user: User__Output | null,
      clientIp: string,
      context: Record<string, unknown>,
      impersonator?: User__Output | null,
    ) => {
      const payload = {
        event_uuid: randomUUID(),
        action,
        app: 'authmesh.oauth2',
        user: eventUser(user, impersonator),
        client_ip: clientIp,
        brand: {},
        context,
        created: new Date().toISOString(),
      };
      ctx.bus.publishDurable(Subjects.eventCreated, payload, { id: payload.event_uuid }).catch((error: unknown) => {
        logger.warn({ err: (error as Error).message, action }, 'event not recorded: bus unavailable');
      });
    };

    const subjects = new SubjectDirectory(models);
    const accounts = new AccountFinder(subjects, identity, flows, core, logger, (config, userPk, koa, messages) => {
      tokens.inc({ kind: 'policy_denied' });
      emitEvent('suspicious_request', null, koa.ip, {
        message: 'Application policies denied a token request',
        application: config.application?.slug,
        user_pk: userPk,
        route: koa.oidc.route,
        messages,
      });
    });
    const onProviderEvent = (issuer: Issuer, event: string, koa: KoaContext, error: unknown) => {
      const detail = String((error as { error_detail?: string } | null)?.error_detail ?? '');
      if (event === 'grant.error' && REUSE.test(detail)) {
        tokens.inc({ kind: 'reuse' });
        logger.warn({ client: issuer.config.client_id, detail }, 'reused grant credential; the grant is revoked');
        emitEvent('suspicious_request', null, koa.ip, {
          message: `Reuse detected: ${detail}; every token of the grant was revoked`,
          application: issuer.config.application?.slug,
          client_id: issuer.config.client_id,
        });
      } else if (event === 'server_error') {
        logger.error({ err: error, client: issuer.config.client_id }, 'oidc-provider server error');
      }
    };
    const clients = new ClientConfigCache(core);
    const registry = new IssuerRegistry(
      clients,
      {
        adapter: postgresAdapter(models),
        installationSecret: ctx.secretKey,
        findAccount: (config, koa, accountId) => accounts.find(config, koa, accountId),
        appPasswordGrant: appPasswordGrant(identity, flows, core, subjects, (config, koa, reason) => {
          emitEvent('suspicious_request', null, koa.ip, {
            message: `App password grant refused: ${reason}`,
            application: config.application?.slug,
            client_id: config.client_id,
          });
        }),
        clientAssertionGrant: clientAssertionGrant(identity, flows, core, subjects, {
          refused: (config, koa, reason) => {
            tokens.inc({ kind: 'client_assertion_refused' });
            logger.info({ client: config.client_id, reason }, 'client assertion grant refused');
            emitEvent('suspicious_request', null, koa.ip, {
              message: `Client credentials with a JWT refused: ${reason}`,
              application: config.application?.slug,
              client_id: config.client_id,
            });
          },
          loggedIn: (config, koa, user, verified) => {
            emitEvent('login', user, koa.ip, {
              auth_method: 'jwt',
              auth_method_args: {
                jwt: verified.claims,
                source: { pk: verified.source.pk, slug: verified.source.slug, name: verified.source.name },
              },
              application: config.application?.slug,
              client_id: config.client_id,
            });
          },
        }),
        clientCredentialsAllowed: async (config, koa) => {
          if (!config.application) return false;
          const access = await flows.checkApplicationAccess({
            application_pk: config.application.pk,
            policy_engine_mode: config.application.policy_engine_mode,
            user_pk: '',
            client_ip: koa.ip,
            host: koa.get('host'),
            user_agent: koa.get('user-agent'),
            context_json: JSON.stringify({ oauth_grant_type: 'client_credentials', client_id: config.client_id }),
          });
          if (!access.passing) {
            emitEvent('suspicious_request', null, koa.ip, {
              message: 'Application policies denied a client credentials token',
              application: config.application.slug,
              client_id: config.client_id,
            });
          }
          return access.passing;
        },
        // Logout tokens must not hold up the user's logout for long.
        outbound: new OutboundClient({
          timeoutMs: 5_000,
          maxResponseBytes: 64 * 1024,
          allowedNetworks: ctx.config.outbound_allowed_cidrs,
          userAgent: `authmesh/${ctx.version}`,
        }),
        sessionMatches: async (koa, accountId) => {
          if (!accountId) return false;
          const sessionKey = /(?:^|;\s*)authmesh_session=([^;]+)/.exec(koa.get('cookie'))?.[1];
          if (!sessionKey) return false;
          const answer = await identity.checkSession({
            session_key: decodeURIComponent(sessionKey),
            client_ip: koa.ip,
            user_agent: koa.get('user-agent'),
          });
          const clientId = koa.oidc.client?.clientId;
          return answer.valid && clientId !== undefined && answer.user?.pk === (await subjects.userOf(clientId, accountId));
        },
      },
      logger,
      onProviderEvent,
    );
    const interactions = new InteractionHandler({
      registry,
      models,
      identity,
      flows,
      flowConfig,
      core,
      subjects,
      logger,
      emitEvent,
    });
    const deviceCodes = new DeviceCodes({
      registry,
      models,
      identity,
      flows,
      core,
      subjects,
      logger,
      externalUrl: ctx.config.external_url,
      emitEvent,
    });
    const deviceService = ctx.grpc.add(
      loadProtos().oauth2Device.authmesh.oauth2.v1.DeviceCodeService.service,
      deviceCodeHandlers(deviceCodes, logger),
    );
    const oauth2 = new OAuth2Handler(registry, interactions, models, ctx.config, logger);
    const github = new GitHubCompat(models, subjects, clients, identity, flows);
    const serve = async (req: IncomingMessage, res: ServerResponse) => {
      const path = (req.url ?? '').split('?')[0];
      if (path === '/user' || GITHUB_PREFIXES.some((prefix) => path.startsWith(prefix))) {
        if ((await github.handle(req, res, requestContext(req as Request).clientIp)) === 'served') return;
      }
      await oauth2.handle(req, res);
    };

    const principals = remotePrincipalResolver(identity, (error) => error instanceof RpcCallError);
    const { app, handler } = await createHttpApp(OAuth2Module.register(principals), {
      service: 'oauth2',
      logger,
      metrics: ctx.metrics,
      configure: (nest) =>
        nest.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
          const path = (req.url ?? '').split('?')[0];
          if (!path.startsWith('/application/o/') && path !== '/user' && !GITHUB_PREFIXES.some((prefix) => path.startsWith(prefix))) {
            return next();
          }
          serve(req, res).catch((error: unknown) => {
            logger.error({ err: error }, 'OAuth2 request failed');
            if (!res.headersSent) {
              res.statusCode = 500;
              res.setHeader('Content-Type', 'application/json');
              res.end(JSON.stringify({ error: 'server_error' }));
            } else res.end();
          });
        }),
    });

    const changes = await ctx.bus.subscribe(Subjects.configChanged, () => registry.clear());
    const tasks = await startServiceTasks({ bus: ctx.bus, metrics: ctx.metrics, logger }, 'oauth2', [
      {
        name: 'expired_artifacts_purge',
        description: 'Deletes expired authorization codes, tokens, grants and sessions of the OAuth2 provider.',
        intervalMs: PURGE_INTERVAL_MS,
        run: async () => ({ messages: [`${await models.purgeExpired()} expired OAuth2 artifact(s) deleted.`] }),
      },
    ]);

    return {
      name: 'oauth2',
      http: { prefixes: ['/application/o/', ...GITHUB_PREFIXES], handler },
      async readiness() {
        const database = await databaseHealthy(dataSource);
        const bus = ctx.bus.isHealthy();
        return { ready: database && bus, checks: { database, bus } };
      },
      async stop() {
        await tasks.stop();
        ctx.grpc.setStatus(deviceService, 'NOT_SERVING');
        await changes.unsubscribe().catch(() => undefined);
        await app.close();
        identity.close();
        core.close();
        flowConfig.close();
        flows.close();
        if (dataSource.isInitialized) await dataSource.destroy();
      },
    };
  },
};

/** An event's user: the user, or while an admin impersonates them, the admin acting `on_behalf_of` them (as core records it). */
function eventUser(user: User__Output | null, impersonator?: User__Output | null): Record<string, unknown> {
  if (!user) return {};
  const acting = { pk: Number(user.pk), username: user.username, email: user.email };
  if (!impersonator) return acting;
  return { pk: Number(impersonator.pk), username: impersonator.username, email: impersonator.email, on_behalf_of: acting };
}
