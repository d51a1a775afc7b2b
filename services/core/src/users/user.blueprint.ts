import { Injectable } from '@nestjs/common';
import { openApiSchema, parseOrThrow } from '@authmesh/http';
import { take } from '../blueprints/identifier-fields.js';
import { everyPage, serviceModel, type CoreBlueprintModel } from '../blueprints/service-model.js';
import { BLUEPRINT_ACTOR as actor } from '../blueprints/system-actor.js';
import { setPasswordSchema, userPatchSchema, userWriteSchema } from './user.dto.js';
import { UserRepository } from './user.repository.js';
import { UserService } from './user.service.js';

/** Users in blueprints. A `password` attribute is hashed, never stored or exported. */
@Injectable()
export class UserBlueprint {
  constructor(
    private readonly users: UserService,
    private readonly rows: UserRepository,
  ) {}

  model(): CoreBlueprintModel {
    const setPassword = async (pk: number, password: unknown) => {
      if (typeof password === 'string' && password !== '') {
        await this.users.setPassword(actor, pk, parseOrThrow(setPasswordSchema, { password }).password);
      }
    };
    return serviceModel({
      name: 'authmesh_core.user',
      aliases: ['authentik_core.user'],
      fields: {
        pk: 'id',
        uuid: 'uuid',
        username: 'username',
        email: 'email',
        name: 'name',
        path: 'path',
        type: 'type',
        is_active: 'isActive',
      },
      findOne: (where) => this.rows.findOneBy(where),
      toObject: (user) => ({ pk: user.id, key: user.id }),
      create: async (data) => {
        const [{ password }, rest] = take(data, ['password']);
        const user = await this.users.create(actor, parseOrThrow(userWriteSchema, rest));
        await setPassword(user.pk, password);
        return { pk: user.pk, key: user.pk };
      },
      update: async (existing, data) => {
        const [{ password }, rest] = take(data, ['password']);
        await this.users.update(actor, Number(existing.key), parseOrThrow(userPatchSchema, rest));
        await setPassword(Number(existing.key), password);
      },
      delete: (existing) => this.users.delete(actor, Number(existing.key)),
      schema: openApiSchema(userWriteSchema),
      export: async () =>
        (await everyPage((page) => this.users.list({}, page))).map((u) => ({
          id: `user-${u.pk}`,
          identifiers: { username: u.username },
          attrs: {
            name: u.name,
            email: u.email,
            is_active: u.is_active,
            type: u.type,
            path: u.path,
            attributes: u.attributes,
            groups: u.groups,
          },
        })),
    });
  }
}
