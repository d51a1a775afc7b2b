import { Inject, Injectable } from '@nestjs/common';
import {
  loadProtos,
  unary,
  type CheckTokenRequest__Output,
  type CheckTokenResponse,
  type GetUserRequest__Output,
  type Group,
  type GrpcHost,
  type ListGroupsRequest__Output,
  type ListGroupsResponse,
  type User,
  type VerifyPasswordRequest__Output,
  type VerifyPasswordResponse,
  type CreateSessionRequest__Output,
  type CreateSessionResponse,
  type CheckSessionRequest__Output,
  type CheckSessionResponse,
  type WriteUserRequest__Output,
  type CheckConsentRequest__Output,
  type GrantConsentRequest__Output,
  type WriteUserResponse,
  type EnsureServiceAccountRequest__Output,
} from '@authmesh/rpc';
import { NotFoundError, ValidationFailedError } from '@authmesh/runtime';
import { EventPublisher } from '../audit/event-publisher.js';
import { CORE_OPTIONS } from '../core.tokens.js';
import type { CoreOptions } from '../core.options.js';
import type { GroupEntity } from '../groups/group.entity.js';
import { GroupRepository } from '../groups/group.repository.js';
import { TOKEN_INTENTS, type TokenIntent } from '../tokens/token.entity.js';
import { TokenService } from '../tokens/token.service.js';
import type { UserEntity } from '../users/user.entity.js';
import { UserRepository } from '../users/user.repository.js';
import { SessionService } from '../sessions/session.service.js';
import { FlowUserWriter } from '../users/flow-user-writer.js';
import { ConsentService } from '../consents/consent.service.js';
import { DeviceRpc } from '../authenticators/device.rpc.js';
import { ServiceAccountService } from '../users/service-account.service.js';

/** Core's IdentityService: the identity lookups other services make over gRPC. */
@Injectable()
export class IdentityRpc {
  constructor(
    private readonly users: UserRepository,
    private readonly groups: GroupRepository,
    private readonly tokens: TokenService,
    private readonly events: EventPublisher,
    private readonly sessions: SessionService,
    private readonly writer: FlowUserWriter,
    private readonly consents: ConsentService,
    private readonly deviceRpc: DeviceRpc,
    private readonly serviceAccounts: ServiceAccountService,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  register(host: GrpcHost): void {
    const logger = this.options.logger;
    host.add(loadProtos().identity.authmesh.core.v1.IdentityService.service, {
      GetUser: unary(logger, (req: GetUserRequest__Output) => this.getUser(req)),
      ListGroups: unary(logger, (req: ListGroupsRequest__Output) => this.listGroups(req)),
      GetGroup: unary(logger, (req: { pk: string }) => this.getGroup(req.pk)),
      VerifyPassword: unary(logger, (req: VerifyPasswordRequest__Output) => this.verifyPassword(req)),
      CheckToken: unary(logger, (req: CheckTokenRequest__Output) => this.checkToken(req)),
      CreateSession: unary(logger, (req: CreateSessionRequest__Output) => this.createSession(req)),
      CheckSession: unary(logger, (req: CheckSessionRequest__Output) => this.checkSession(req)),
      EndSession: unary(logger, async (req: { session_key: string }) => {
        await this.sessions.end(req.session_key);
        return {};
      }),
      WriteUser: unary(logger, (req: WriteUserRequest__Output) => this.writeUser(req)),
      ...this.deviceRpc.handlers(logger),
      EnsureServiceAccount: unary(logger, async (req: EnsureServiceAccountRequest__Output) =>
        this.toMessage(await this.serviceAccounts.ensure({ ...req, expires: Number(req.expires) })),
      ),
      CheckConsent: unary(logger, async (req: CheckConsentRequest__Output) => ({
        valid: /^\d{1,10}$/.test(req.user_pk) && (await this.consents.covers(Number(req.user_pk), req.application_slug, req.permissions)),
      })),
      GrantConsent: unary(logger, async (req: GrantConsentRequest__Output) => {
        if (!/^\d{1,10}$/.test(req.user_pk)) throw new NotFoundError('user not found');
        await this.consents.grant(Number(req.user_pk), req.application_slug, req.permissions, Number(req.expires_in_seconds));
        return {};
      }),
      DeleteUser: unary(logger, async (req: { user_pk: string; client_ip: string }) => {
        if (!/^\d{1,10}$/.test(req.user_pk)) throw new NotFoundError('user not found');
        await this.writer.delete(Number(req.user_pk), req.client_ip);
        return {};
      }),
    });
  }

  async getUser(request: GetUserRequest__Output): Promise<User> {
    let user: UserEntity | null = null;
    if (request.lookup === 'pk' && /^\d{1,10}$/.test(request.pk ?? '')) user = await this.users.findById(Number(request.pk));
    else if (request.lookup === 'username' && request.username) user = await this.users.findByUsername(request.username);
    else if (request.lookup === 'email' && request.email) user = await this.users.findByEmail(request.email);
    else if (request.lookup === 'upn' && request.upn) user = await this.users.findByUpn(request.upn);
    if (!user) throw new NotFoundError('user not found');
    return this.toMessage(user);
  }

  async listGroups(request: ListGroupsRequest__Output): Promise<ListGroupsResponse> {
    if (request.user_pk) {
      if (!/^\d{1,10}$/.test(request.user_pk)) throw ValidationFailedError.field('user_pk', 'not a user primary key');
      return { groups: (await this.groups.effectiveGroupsOfUser(Number(request.user_pk))).map(groupMessage), next_page_token: '' };
    }
    const pageSize = Math.min(Math.max(request.page_size || 100, 1), 1000);
    const page = request.page_token ? Number(request.page_token) : 1;
    if (!Number.isInteger(page) || page < 1) throw ValidationFailedError.field('page_token', 'invalid page token');
    const [rows, count] = await this.groups.list({}, { page, page_size: pageSize });
    return { groups: rows.map(groupMessage), next_page_token: page * pageSize < count ? String(page + 1) : '' };
  }

  async getGroup(pk: string): Promise<Group> {
    const group = /^[0-9a-f-]{36}$/i.test(pk) ? await this.groups.findById(pk) : null;
    if (!group) throw new NotFoundError('group not found');
    return groupMessage(group);
  }

  /**
   * Checks a password. Unknown users, inactive users and wrong passwords all answer the
   * same `valid: false` after the same hashing work. A successful check of an older
   * (Django pbkdf2) hash stores an argon2id one in its place.
   */
  async verifyPassword(request: VerifyPasswordRequest__Output): Promise<VerifyPasswordResponse> {
    const { passwords } = this.options;
    const user = request.username ? await this.users.findByUsername(request.username) : null;
    let valid = false;
    if (!user || !user.password) {
      await passwords.verifyDummy(request.password);
    } else {
      const check = await passwords.verify(request.password, user.password);
      valid = check.valid && user.isActive;
      if (check.valid && check.needsRehash) {
        user.password = await passwords.hash(request.password);
        await this.users.save(user);
      }
    }
    if (!valid || !user) {
      if (request.skip_failure_event) return { valid: false };
      await this.events.emit(
        'login_failed',
        { clientIp: request.client_ip },
        { username: request.username.slice(0, 150), reason: 'invalid credentials' },
      );
      return { valid: false };
    }
    return { valid: true, user: await this.toMessage(user) };
  }

  async checkToken(request: CheckTokenRequest__Output): Promise<CheckTokenResponse> {
    const intent = (TOKEN_INTENTS as readonly string[]).includes(request.intent) ? (request.intent as TokenIntent) : null;
    if (!intent) throw ValidationFailedError.field('intent', 'unknown intent');
    const match = await this.tokens.check(request.key, intent);
    if (!match) return { valid: false };
    return {
      valid: true,
      user: await this.toMessage(match.user),
      token_identifier: match.token.identifier,
      intent: match.token.intent,
      expires: match.token.expires?.toISOString() ?? '',
    };
  }

  async createSession(request: CreateSessionRequest__Output): Promise<CreateSessionResponse> {
    if (!/^\d{1,10}$/.test(request.user_pk)) throw ValidationFailedError.field('user_pk', 'not a user primary key');
    const { key, session } = await this.sessions.create({
      userId: Number(request.user_pk),
      clientIp: request.client_ip,
      userAgent: request.user_agent,
      expiresInSeconds: Number(request.expires_in_seconds),
      terminateOthers: request.terminate_others,
    });
    return { session_key: key, session_uuid: session.id, expires: session.expires.toISOString() };
  }

  async checkSession(request: CheckSessionRequest__Output): Promise<CheckSessionResponse> {
    const session = await this.sessions.check(request.session_key, request.client_ip, request.user_agent);
    const user = session && (await this.users.findById(session.userId));
    if (!session || !user) return { valid: false };
    const impersonator = session.impersonatorId === null ? null : await this.users.findById(session.impersonatorId);
    return {
      valid: true,
      user: await this.toMessage(user),
      session_uuid: session.id,
      ...(impersonator ? { impersonator: await this.toMessage(impersonator) } : {}),
    };
  }

  async writeUser(request: WriteUserRequest__Output): Promise<WriteUserResponse> {
    if (request.user_pk && !/^\d{1,10}$/.test(request.user_pk)) throw new NotFoundError('user not found');
    let fields: unknown;
    try {
      fields = JSON.parse(request.fields_json || '{}');
    } catch {
      throw ValidationFailedError.field('fields_json', 'not JSON');
    }
    if (!fields || typeof fields !== 'object' || Array.isArray(fields))
      throw ValidationFailedError.field('fields_json', 'not a JSON object');
    const result = await this.writer.write({
      userId: request.user_pk ? Number(request.user_pk) : undefined,
      fields: fields as Record<string, unknown>,
      password: request.password,
      addGroup: request.add_group_pk,
      clientIp: request.client_ip,
    });
    if (result.errors || !result.user) return { errors_json: JSON.stringify(result.errors ?? { non_field_errors: ['not written'] }) };
    return { user: await this.toMessage(result.user), errors_json: '' };
  }

  private async toMessage(user: UserEntity): Promise<User> {
    const groups = await this.groups.effectiveGroupsOfUser(user.id);
    return {
      pk: String(user.id),
      uuid: user.uuid,
      username: user.username,
      name: user.name,
      email: user.email,
      is_active: user.isActive,
      type: user.type,
      path: user.path,
      attributes_json: JSON.stringify(user.attributes),
      groups: groups.map((g) => ({ pk: g.id, name: g.name })),
      is_superuser: groups.some((g) => g.isSuperuser),
      last_login: user.lastLogin?.toISOString() ?? '',
      password_changed: user.passwordChangeDate?.toISOString() ?? '',
      has_password: Boolean(user.password) && !user.password?.startsWith('!'),
    };
  }
}

function groupMessage(group: GroupEntity): Group {
  return {
    pk: group.id,
    name: group.name,
    parent_pk: group.parentId ?? '',
    is_superuser: group.isSuperuser,
    attributes_json: JSON.stringify(group.attributes),
  };
}
