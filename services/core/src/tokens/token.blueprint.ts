import { Injectable } from '@nestjs/common';
import { openApiSchema, parseOrThrow } from '@authmesh/http';
import { take } from '../blueprints/identifier-fields.js';
import { everyPage, serviceModel, type CoreBlueprintModel } from '../blueprints/service-model.js';
import { BLUEPRINT_ACTOR as actor } from '../blueprints/system-actor.js';
import { setKeySchema, tokenPatchSchema, tokenWriteSchema } from './token.dto.js';
import { TokenRepository } from './token.repository.js';
import { TokenService } from './token.service.js';

/** Tokens in blueprints. A `key` attribute is sealed like one set through set_key; keys are never exported. */
@Injectable()
export class TokenBlueprint {
  constructor(
    private readonly tokens: TokenService,
    private readonly rows: TokenRepository,
  ) {}

  model(): CoreBlueprintModel {
    const setKey = async (identifier: string, key: unknown) => {
      if (typeof key === 'string' && key !== '') await this.tokens.setKey(actor, identifier, parseOrThrow(setKeySchema, { key }).key);
    };
    return serviceModel({
      name: 'authmesh_core.token',
      aliases: ['authentik_core.token'],
      fields: {
        pk: 'id',
        identifier: 'identifier',
        intent: 'intent',
        user: 'userId',
        expiring: 'expiring',
        managed: 'managed',
        description: 'description',
      },
      findOne: (where) => this.rows.findOneBy(where),
      toObject: (token) => ({ pk: token.id, key: token.identifier }),
      create: async (data) => {
        const [{ key }, rest] = take(data, ['key']);
        const token = await this.tokens.create(actor, parseOrThrow(tokenWriteSchema, rest));
        await setKey(token.identifier, key);
        return { pk: token.pk, key: token.identifier };
      },
      update: async (existing, data) => {
        const [{ key }, rest] = take(data, ['key', 'identifier', 'intent', 'user']);
        await this.tokens.update(actor, String(existing.key), parseOrThrow(tokenPatchSchema, rest));
        await setKey(String(existing.key), key);
      },
      delete: (existing) => this.tokens.delete(actor, String(existing.key)),
      schema: openApiSchema(tokenWriteSchema),
      export: async () => {
        const now = Date.now();
        // Managed and already expired tokens cannot be re-applied, so they stay out.
        return (await everyPage((page) => this.tokens.list(actor, {}, page)))
          .filter((t) => !t.managed && (!t.expiring || (t.expires !== null && new Date(t.expires).getTime() > now)))
          .map((t) => ({
            id: `token-${t.pk}`,
            identifiers: { identifier: t.identifier },
            attrs: { intent: t.intent, user: t.user, description: t.description, expiring: t.expiring, expires: t.expires },
          }));
      },
    });
  }
}
