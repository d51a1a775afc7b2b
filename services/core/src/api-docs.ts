import type { INestApplication } from '@nestjs/common';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/**
 * Serves the merged OpenAPI document of every service at /api/v3/schema/ and a browsable
 * rendering of it at /api/v3/docs/.
 */
export function registerApiDocs(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('api/v3/docs', app, document, {
    jsonDocumentUrl: 'api/v3/schema',
    yamlDocumentUrl: 'api/v3/schema.yaml',
    customSiteTitle: 'authmesh API',
  });
}
