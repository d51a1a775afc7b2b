import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { DynamicModule, Type } from '@nestjs/common';
import { buildOpenApiDocument, mergeOpenApiDocuments } from '@authmesh/http';
import { coreApiModule } from '@authmesh/service-core';
import { eventsApiModule } from '@authmesh/service-events';
import { flowsApiModule } from '@authmesh/service-flows';

/**
 * The OpenAPI document of the whole /api/v3 surface, merged from every service's Nest
 * module in preview mode (no database, nothing started).
 */
export async function buildMergedOpenApi(version: string): Promise<object> {
  const modules: Array<Type<unknown> | DynamicModule> = [coreApiModule(), eventsApiModule(), flowsApiModule()];
  const documents = [];
  for (const module of modules) {
    const app = await NestFactory.create(module, new ExpressAdapter(), { preview: true, logger: false, abortOnError: false });
    documents.push(buildOpenApiDocument(app, version));
    await app.close();
  }
  return mergeOpenApiDocuments(documents);
}
