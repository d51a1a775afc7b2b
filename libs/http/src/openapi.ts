import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** Builds the OpenAPI document of one service's Nest application. */
export function buildOpenApiDocument(app: INestApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('authmesh')
    .setDescription('Admin and user API of authmesh')
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API token (intent "api")' })
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Merges several services' documents into one (paths and component schemas). */
export function mergeOpenApiDocuments(documents: OpenAPIObject[]): OpenAPIObject {
  const [first, ...rest] = documents;
  const merged: OpenAPIObject = structuredClone(first);
  for (const document of rest) {
    Object.assign(merged.paths, document.paths);
    merged.components ??= {};
    merged.components.schemas = { ...merged.components.schemas, ...document.components?.schemas };
    merged.tags = [...(merged.tags ?? []), ...(document.tags ?? [])];
  }
  return merged;
}
