import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ListQuery, Paginated } from '@authmesh/http';
import { paginate } from '@authmesh/http';
import { NotFoundError, ValidationFailedError } from '@authmesh/runtime';
import { PasswordTooLongError } from '@authmesh/crypto';
import { actsFor, type Actor } from '../audit/actor.js';
import { EventPublisher, type ModelRef } from '../audit/event-publisher.js';
import { CORE_OPTIONS } from '../core.tokens.js';
import type { CoreOptions } from '../core.options.js';
import { rethrowUnique, Transactions } from '../database/transactions.js';
import { GroupRepository } from '../groups/group.repository.js';
import { TokenService } from '../tokens/token.service.js';
import type { UserEntity } from './user.entity.js';
import type { UserPatch, UserRead, UserWrite } from './user.dto.js';
import { UserRepository, type UserFilters } from './user.repository.js';
import { serializeUser } from './user.serializer.js';

/** Lifetime of a service account's app password when no expiry is given. */
const SERVICE_ACCOUNT_TOKEN_DAYS = 360;

export interface ServiceAccountInput {
  name: string;
  create_group: boolean;
  expiring: boolean;
  expires?: string;
}

/** Users: the admin API, the caller's own account, passwords and service accounts. */
@Injectable()
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly groups: GroupRepository,
    private readonly tokens: TokenService,
    private readonly transactions: Transactions,
    private readonly events: EventPublisher,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async list(filters: UserFilters, query: ListQuery): Promise<Paginated<UserRead>> {
    const [rows, count] = await this.users.list(filters, query);
    return paginate(await this.serializeMany(rows), count, query);
  }

  async get(actor: Actor, id: number): Promise<UserRead> {
    if (!actsFor(actor, id)) throw new NotFoundError();
    return this.serialize(await this.require(id));
  }

  async me(actor: Actor): Promise<{ user: UserRead }> {
    const user = await this.require(Number(actor.principal.user.pk));
    // Superuser status was resolved when the request was authenticated; no need to ask again.
    const groups = await this.users.directGroups([user.id]);
    return { user: serializeUser(user, groups.get(user.id) ?? [], actor.principal.user.isSuperuser) };
  }

  async create(actor: Actor, input: UserWrite): Promise<UserRead> {
    const user = await this.transactions
      .run(async (tx) => {
        await this.assertGroupsExist(input.groups, tx);
        const created = await this.users.create(
          {
            username: input.username,
            name: input.name,
            email: input.email,
            isActive: input.is_active,
            type: input.type,
            path: input.path,
            attributes: input.attributes,
          },
          tx,
        );
        await this.users.setGroups(created.id, input.groups, tx);
        return created;
      })
      .catch(rethrowUnique);
    await this.events.modelCreated(actor, ref(user));
    return this.serialize(user);
  }

  async update(actor: Actor, id: number, input: UserPatch): Promise<UserRead> {
    const user = await this.transactions
      .run(async (tx) => {
        const existing = await this.users.findById(id, tx);
        if (!existing) throw new NotFoundError();
        if (input.groups !== undefined) {
          await this.assertGroupsExist(input.groups, tx);
          await this.users.setGroups(id, input.groups, tx);
        }
        if (input.username !== undefined) existing.username = input.username;
        if (input.name !== undefined) existing.name = input.name;
        if (input.email !== undefined) existing.email = input.email;
        if (input.is_active !== undefined) existing.isActive = input.is_active;
        if (input.type !== undefined) existing.type = input.type;
        if (input.path !== undefined) existing.path = input.path;
        if (input.attributes !== undefined) existing.attributes = input.attributes;
        return this.users.save(existing, tx);
      })
      .catch(rethrowUnique);
    await this.events.modelUpdated(actor, ref(user));
    return this.serialize(user);
  }

  async delete(actor: Actor, id: number): Promise<void> {
    const user = await this.require(id);
    if (String(user.id) === actor.principal.user.pk) {
      throw ValidationFailedError.field('non_field_errors', 'You cannot delete your own account.');
    }
    await this.users.delete(id);
    await this.events.modelDeleted(actor, ref(user));
  }

  async setPassword(actor: Actor, id: number, password: string): Promise<void> {
    if (!actsFor(actor, id)) throw new NotFoundError();
    const user = await this.require(id);
    try {
      user.password = await this.options.passwords.hash(password);
    } catch (error) {
      if (error instanceof PasswordTooLongError) throw ValidationFailedError.field('password', 'Password is too long.');
      throw error;
    }
    user.passwordChangeDate = new Date();
    await this.users.save(user);
    await this.events.emit('password_set', actor, { user: { pk: user.id, username: user.username } });
  }

  /** Creates a service account with an API token (and optionally a group of the same name). */
  async createServiceAccount(actor: Actor, input: ServiceAccountInput) {
    const expires = input.expires ? new Date(input.expires) : new Date(Date.now() + SERVICE_ACCOUNT_TOKEN_DAYS * 86_400_000);
    if (input.expiring && expires.getTime() <= Date.now()) {
      throw ValidationFailedError.field('expires', 'The expiry date must be in the future.');
    }
    const result = await this.transactions
      .run(async (tx) => {
        const user = await this.users.create(
          { username: input.name, name: input.name, type: 'service_account', path: 'users/service-accounts', isActive: true },
          tx,
        );
        let groupPk: string | undefined;
        if (input.create_group) {
          const group = await this.groups.create({ name: input.name }, tx);
          await this.users.setGroups(user.id, [group.id], tx);
          groupPk = group.id;
        }
        const token = await this.tokens.issue(
          {
            identifier: `service-account-${input.name}-password`,
            intent: 'app_password',
            userId: user.id,
            expiring: input.expiring,
            expires: input.expiring ? expires : null,
            description: `App password for service account ${input.name}`,
          },
          tx,
        );
        return { user, groupPk, key: token.key };
      })
      .catch(rethrowUnique);
    await this.events.modelCreated(actor, ref(result.user));
    return {
      username: result.user.username,
      token: result.key,
      user_uid: result.user.uuid,
      user_pk: result.user.id,
      ...(result.groupPk ? { group_pk: result.groupPk } : {}),
    };
  }

  async paths(search?: string): Promise<{ paths: string[] }> {
    return { paths: await this.users.paths(search) };
  }

  async serialize(user: UserEntity): Promise<UserRead> {
    return (await this.serializeMany([user]))[0];
  }

  async serializeMany(users: UserEntity[]): Promise<UserRead[]> {
    const ids = users.map((u) => u.id);
    const [groups, superusers] = await Promise.all([this.users.directGroups(ids), this.users.superuserIds(ids)]);
    return users.map((u) => serializeUser(u, groups.get(u.id) ?? [], superusers.has(u.id)));
  }

  private async require(id: number): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError();
    return user;
  }

  private async assertGroupsExist(ids: string[], tx: EntityManager): Promise<void> {
    const missing = await this.groups.missing(ids, tx);
    if (missing.length > 0) {
      throw ValidationFailedError.field('groups', `Invalid pk "${missing[0]}" - object does not exist.`);
    }
  }
}

function ref(user: UserEntity): ModelRef {
  return { app: 'authentik_core', model_name: 'user', pk: user.id, name: user.username };
}
