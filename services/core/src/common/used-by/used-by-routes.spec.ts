import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { buildOpenApiDocument } from '@authmesh/http';
import { coreApiModule } from '../../core.module.js';
import { usedByDoc } from './used-by.js';

/** Deletable objects without a used_by route, and why. */
const WITHOUT_USED_BY: Record<string, string> = {
  // Consents have no retrieve route whose permission used_by could mirror, and nothing refers to them.
  '/api/v3/core/user_consent/{id}': 'no retrieve route',
};

describe('used_by routes', () => {
  it('exist beside every delete route of core, documented with the used_by response', async () => {
    const app = await NestFactory.create(coreApiModule(), new ExpressAdapter(), { preview: true, logger: false, abortOnError: false });
    const document = buildOpenApiDocument(app, 'test');
    await app.close();
    const deletable = Object.entries(document.paths)
      .filter(([path, item]) => item.delete && !(path in WITHOUT_USED_BY))
      .map(([path]) => path);
    expect(deletable.length).toBeGreaterThan(40);
    const missing = deletable.filter((path) => {
      const route = document.paths[`${path}/used_by`]?.get;
      const schema = (route?.responses['200'] as { content?: Record<string, { schema?: unknown }> } | undefined)?.content?.[
        'application/json'
      ]?.schema;
      return JSON.stringify(schema) !== JSON.stringify(usedByDoc);
    });
    expect(missing).toEqual([]);
  });
});
