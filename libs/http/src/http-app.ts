import { randomUUID } from 'node:crypto';
import type { RequestListener } from 'node:http';
import type { DynamicModule, INestApplication, LoggerService, Type } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { Histogram, type Registry } from 'prom-client';
import { withRequestId, type Logger } from '@authmesh/logger';
import { CLIENT_IP_HEADER, REQUEST_ID_HEADER } from '@authmesh/runtime';
import { AuthGuard } from './auth.guard.js';
import { DomainExceptionFilter } from './domain-exception.filter.js';
import { PRINCIPAL_RESOLVER, type PrincipalResolver } from './principal.js';
import type { AuthmeshRequest } from './request-context.js';

export interface HttpAppOptions {
  service: string;
  logger: Logger;
  metrics: Registry;
  /** Largest accepted JSON body. */
  bodyLimit?: string;
  /** Last changes to the application before it initialises (extra routes, API docs). */
  configure?: (app: NestExpressApplication) => void;
}

export interface HttpApp {
  app: INestApplication;
  handler: RequestListener;
}

/** Adapts Nest's logger interface to pino, so framework messages are structured too. */
class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}

const histograms = new WeakMap<Registry, Histogram<'service' | 'method' | 'status'>>();

function requestHistogram(registry: Registry): Histogram<'service' | 'method' | 'status'> {
  let histogram = histograms.get(registry);
  if (!histogram) {
    histogram = new Histogram({
      name: 'authmesh_http_request_duration_seconds',
      help: 'Duration of HTTP requests served by an authmesh service',
      labelNames: ['service', 'method', 'status'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    histograms.set(registry, histogram);
  }
  return histogram;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Builds a service's HTTP API as a Nest application on Express, with the conventions every
 * authmesh API shares: request ids, client IP from the gateway, structured access logs,
 * metrics, bounded JSON bodies, authentication on every route unless marked public, and
 * the one error mapping. The result is a request handler the process mounts.
 */
export async function createHttpApp(module: Type<unknown> | DynamicModule, options: HttpAppOptions): Promise<HttpApp> {
  const logger = options.logger;
  const app = await NestFactory.create<NestExpressApplication>(module, new ExpressAdapter(), {
    bodyParser: false,
    logger: new NestPinoLogger(logger),
    abortOnError: false,
  });
  const histogram = requestHistogram(options.metrics);
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.set('etag', false);
  app.use((request: Request, response: Response, next: NextFunction) => {
    const incoming = request.headers[REQUEST_ID_HEADER];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const forwardedIp = request.headers[CLIENT_IP_HEADER];
    (request as AuthmeshRequest).authmesh = {
      requestId,
      clientIp: typeof forwardedIp === 'string' ? forwardedIp : (request.socket.remoteAddress ?? ''),
    };
    response.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      histogram.observe({ service: options.service, method: request.method, status: String(response.statusCode) }, seconds);
      withRequestId(requestId, () =>
        logger.info({ method: request.method, path: request.path, status: response.statusCode, ms: Math.round(seconds * 1000) }, 'request'),
      );
    });
    withRequestId(requestId, next);
  });
  app.useBodyParser('json', { limit: options.bodyLimit ?? '1mb', strict: true, type: ['application/json', 'application/*+json'] });
  app.useGlobalFilters(new DomainExceptionFilter(logger));
  app.useGlobalGuards(new AuthGuard(app.get(Reflector), app.get<PrincipalResolver>(PRINCIPAL_RESOLVER)));
  options.configure?.(app);
  await app.init();
  return { app, handler: app.getHttpAdapter().getInstance() as RequestListener };
}
