import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { generateToken } from '@authmesh/crypto';
import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError, PermissionDeniedError, ValidationFailedError } from '@authmesh/runtime';
import { actsFor, type Actor } from '../audit/actor.js';
import { EventPublisher, type ModelRef } from '../audit/event-publisher.js';
import { CORE_OPTIONS } from '../core.tokens.js';
import type { CoreOptions } from '../core.options.js';
import { rethrowUnique } from '../database/transactions.js';
import { UserEntity } from '../users/user.entity.js';
import type { TokenFilters, TokenPatch, TokenRead, TokenWrite } from './token.dto.js';
import type { TokenEntity, TokenIntent } from './token.entity.js';
import { TokenRepository } from './token.repository.js';

export interface IssueToken {
  identifier: string;
  intent: TokenIntent;
  userId: number;
  description?: string;
  expiring: boolean;
  expires: Date | null;
  managed?: string | null;
  /** A chosen key (bootstrap); otherwise one is generated. */
  key?: string;
}

/** Lifetime of a token created without an explicit expiry. */
const DEFAULT_TOKEN_MINUTES = 30;

/** Intents a user may give their own tokens; the others are issued by flows and admins. */
const SELF_SERVICE_INTENTS: readonly TokenIntent[] = ['api', 'app_password'];

/** Tokens: issuing, listing, revealing keys, and checking a presented key. */
@Injectable()
export class TokenService {
  constructor(
    private readonly tokens: TokenRepository,
    private readonly events: EventPublisher,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  /** Stores a token; the key is kept only as a keyed digest and sealed for `view_key`. */
  async issue(input: IssueToken, tx?: EntityManager): Promise<{ token: TokenEntity; key: string }> {
    const key = input.key ?? generateToken(48);
    const token = await this.tokens.create(
      {
        identifier: input.identifier,
        intent: input.intent,
        userId: input.userId,
        description: input.description ?? '',
        expiring: input.expiring,
        expires: input.expires,
        managed: input.managed ?? null,
        keyDigest: this.options.secretBox.digest(key),
        keySealed: this.options.secretBox.seal(key),
      },
      tx,
    );
    return { token, key };
  }

  async list(actor: Actor, filters: TokenFilters, query: ListQuery): Promise<Paginated<TokenRead>> {
    const owner = actor.principal.user.isSuperuser ? undefined : Number(actor.principal.user.pk);
    const [rows, count] = await this.tokens.list(filters, query, owner);
    return paginate(rows.map(serializeToken), count, query);
  }

  async get(actor: Actor, identifier: string): Promise<TokenRead> {
    return serializeToken(await this.requireVisible(actor, identifier));
  }

  async create(actor: Actor, input: TokenWrite): Promise<TokenRead> {
    const self = Number(actor.principal.user.pk);
    const userId = input.user ?? self;
    if (!actor.principal.user.isSuperuser) {
      if (userId !== self) throw ValidationFailedError.field('user', 'You can only create tokens for yourself.');
      if (!SELF_SERVICE_INTENTS.includes(input.intent)) throw ValidationFailedError.field('intent', 'Not a valid choice.');
    }
    const expires = resolveExpiry(input.expiring, input.expires);
    const { token } = await this.issue({ ...input, userId, expires }).catch((error: unknown) => {
      if (isForeignKeyViolation(error)) throw ValidationFailedError.field('user', `Invalid pk "${userId}" - object does not exist.`);
      return rethrowUnique(error);
    });
    await this.events.modelCreated(actor, ref(token));
    return this.get(actor, token.identifier);
  }

  async update(actor: Actor, identifier: string, input: TokenPatch): Promise<TokenRead> {
    const token = await this.requireVisible(actor, identifier);
    if (token.managed) throw ValidationFailedError.field('non_field_errors', 'Managed tokens cannot be changed.');
    if (input.description !== undefined) token.description = input.description;
    if (input.expiring !== undefined) token.expiring = input.expiring;
    if (input.expires !== undefined || input.expiring !== undefined) {
      token.expires = resolveExpiry(token.expiring, input.expires === undefined ? token.expires?.toISOString() : input.expires);
    }
    await this.tokens.save(token);
    await this.events.modelUpdated(actor, ref(token));
    return serializeToken(token);
  }

  async delete(actor: Actor, identifier: string): Promise<void> {
    const token = await this.requireVisible(actor, identifier);
    await this.tokens.delete(token.id);
    await this.events.modelDeleted(actor, ref(token));
  }

  /** Reveals the key of a token the actor may see; the reveal itself is audited. */
  async viewKey(actor: Actor, identifier: string): Promise<{ key: string }> {
    const token = await this.requireVisible(actor, identifier);
    await this.events.emit('secret_view', actor, { token: ref(token) });
    return { key: this.options.secretBox.open(token.keySealed) };
  }

  async setKey(actor: Actor, identifier: string, key: string): Promise<void> {
    const token = await this.requireVisible(actor, identifier);
    if (!actor.principal.user.isSuperuser) throw new PermissionDeniedError();
    token.keyDigest = this.options.secretBox.digest(key);
    token.keySealed = this.options.secretBox.seal(key);
    await this.tokens.save(token).catch(rethrowUnique);
    await this.events.modelUpdated(actor, ref(token));
  }

  /**
   * Checks a presented key: it must exist, have the wanted intent, not be expired and
   * belong to an active user. Expiry is checked here, at use, not by a cleanup job.
   */
  async check(key: string, intent: TokenIntent): Promise<{ token: TokenEntity; user: UserEntity } | null> {
    if (key.length === 0 || key.length > 512) return null;
    const token = await this.tokens.findByDigest(this.options.secretBox.digest(key));
    if (!token || !token.user || token.intent !== intent) return null;
    if (token.expiring && (!token.expires || token.expires.getTime() <= Date.now())) return null;
    if (!token.user.isActive) return null;
    return { token, user: token.user };
  }

  private async requireVisible(actor: Actor, identifier: string): Promise<TokenEntity> {
    const token = await this.tokens.findByIdentifier(identifier);
    if (!token || !actsFor(actor, token.userId)) throw new NotFoundError();
    return token;
  }
}

function resolveExpiry(expiring: boolean, expires: string | null | undefined): Date | null {
  if (!expiring) return null;
  if (expires === null || expires === undefined) return new Date(Date.now() + DEFAULT_TOKEN_MINUTES * 60_000);
  const date = new Date(expires);
  if (date.getTime() <= Date.now()) throw ValidationFailedError.field('expires', 'The expiry date must be in the future.');
  return date;
}

function isForeignKeyViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { driverError?: { code?: string } }).driverError?.code === '23503';
}

function serializeToken(token: TokenEntity): TokenRead {
  const user = token.user ?? Object.assign(new UserEntity(), { id: token.userId, username: '', name: '', email: '' });
  return {
    pk: token.id,
    managed: token.managed,
    identifier: token.identifier,
    intent: token.intent,
    user: token.userId,
    user_obj: { pk: user.id, username: user.username, name: user.name, email: user.email },
    description: token.description,
    expiring: token.expiring,
    expires: token.expires?.toISOString() ?? null,
  };
}

function ref(token: TokenEntity): ModelRef {
  return { app: 'authentik_core', model_name: 'token', pk: token.id, name: token.identifier };
}
