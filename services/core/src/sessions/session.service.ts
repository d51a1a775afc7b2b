import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { paginate, type ListQuery, type Paginated, type Principal } from '@authmesh/http';
import { NotFoundError } from '@authmesh/runtime';
import type { Actor } from '../audit/actor.js';
import { EventPublisher } from '../audit/event-publisher.js';
import { CORE_OPTIONS } from '../core.tokens.js';
import type { CoreOptions } from '../core.options.js';
import { ownerScope, type OwnerFilter } from '../common/owner-filter.js';
import { UserRepository } from '../users/user.repository.js';
import { SessionEntity } from './session.entity.js';
import { SessionRepository } from './session.repository.js';

/** How long the server keeps a browser session (no explicit duration) after its last use. */
const BROWSER_SESSION_IDLE_MS = 24 * 60 * 60 * 1000;
/** Last-used times are written at most this often, so every API call is not a write. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface SessionRead {
  uuid: string;
  current: boolean;
  user: number;
  last_ip: string;
  last_user_agent: string;
  last_used: string;
  expires: string;
  created: string;
}

/** Login sessions: created by the flow executor, checked on every cookie-authenticated request. */
@Injectable()
export class SessionService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly users: UserRepository,
    private readonly events: EventPublisher,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  /** Starts a session and answers its key; the key itself is never stored. */
  async create(input: {
    userId: number;
    clientIp: string;
    userAgent: string;
    expiresInSeconds: number;
    terminateOthers: boolean;
  }): Promise<{ key: string; session: SessionEntity }> {
    const user = await this.users.findById(input.userId);
    if (!user || !user.isActive) throw new NotFoundError('user not found');
    const key = randomBytes(32).toString('base64url');
    const browserSession = input.expiresInSeconds <= 0;
    const lifetime = browserSession ? BROWSER_SESSION_IDLE_MS : input.expiresInSeconds * 1000;
    const session = Object.assign(new SessionEntity(), {
      keyDigest: this.options.secretBox.digest(key),
      userId: user.id,
      expires: new Date(Date.now() + lifetime),
      browserSession,
      lastIp: input.clientIp.slice(0, 100),
      lastUserAgent: input.userAgent.slice(0, 500),
    });
    const saved = await this.sessions.save(session);
    if (input.terminateOthers) await this.sessions.deleteOthers(user.id, saved.id);
    user.lastLogin = new Date();
    await this.users.save(user);
    return { key, session: saved };
  }

  /** The live session of a key, or null; a browser session's idle expiry slides forward with use. */
  async check(key: string, clientIp = '', userAgent = ''): Promise<SessionEntity | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(key)) return null;
    const session = await this.sessions.findLive(this.options.secretBox.digest(key));
    if (!session) return null;
    if (Date.now() - session.lastUsed.getTime() > TOUCH_INTERVAL_MS) {
      const expires = session.browserSession ? new Date(Date.now() + BROWSER_SESSION_IDLE_MS) : undefined;
      await this.sessions.touch(
        session.id,
        clientIp.slice(0, 100) || session.lastIp,
        userAgent.slice(0, 500) || session.lastUserAgent,
        expires,
      );
    }
    return session;
  }

  async end(key: string): Promise<void> {
    await this.sessions.deleteByDigest(this.options.secretBox.digest(key));
  }

  /** A superuser sees every session (or one user's); anyone else sees their own. */
  async list(principal: Principal, query: ListQuery, filter: OwnerFilter = {}): Promise<Paginated<SessionRead>> {
    const userId = ownerScope(principal.user.isSuperuser, principal.user.pk, filter);
    if (userId === null) return paginate([], 0, query);
    const [rows, count] = await this.sessions.list(userId, query);
    return paginate(
      rows.map((s) => serialize(s, principal)),
      count,
      query,
    );
  }

  async get(principal: Principal, id: string): Promise<SessionRead> {
    return serialize(await this.visible(principal, id), principal);
  }

  /** Revokes a session; it stops working on its next request. */
  async revoke(actor: Actor, principal: Principal, id: string): Promise<void> {
    const session = await this.visible(principal, id);
    await this.sessions.delete(session.id);
    await this.events.modelDeleted(actor, { app: 'authentik_core', model_name: 'authenticatedsession', pk: session.id, name: session.id });
  }

  private async visible(principal: Principal, id: string): Promise<SessionEntity> {
    const session = await this.sessions.findById(id);
    // Someone else's session is reported missing, not forbidden, so ids cannot be probed.
    if (!session || (!principal.user.isSuperuser && String(session.userId) !== principal.user.pk)) throw new NotFoundError();
    return session;
  }
}

function serialize(s: SessionEntity, principal: Principal): SessionRead {
  return {
    uuid: s.id,
    current: principal.sessionId === s.id,
    user: s.userId,
    last_ip: s.lastIp,
    last_user_agent: s.lastUserAgent,
    last_used: s.lastUsed.toISOString(),
    expires: s.expires.toISOString(),
    created: s.created.toISOString(),
  };
}
