import { Injectable } from '@nestjs/common';
import type { Principal, PrincipalResolver } from '@authmesh/http';
import { SessionService } from '../sessions/session.service.js';
import { TokenService } from '../tokens/token.service.js';
import { UserRepository } from '../users/user.repository.js';

/** Resolves API bearer tokens and login session cookies for core's own HTTP API. */
@Injectable()
export class TokenPrincipalResolver implements PrincipalResolver {
  constructor(
    private readonly tokens: TokenService,
    private readonly users: UserRepository,
    private readonly sessions: SessionService,
  ) {}

  async fromSessionKey(key: string, client: { ip: string; userAgent: string }): Promise<Principal | null> {
    const session = await this.sessions.check(key, client.ip, client.userAgent);
    const user = session && (await this.users.findById(session.userId));
    if (!session || !user) return null;
    const superusers = await this.users.superuserIds([user.id]);
    const admin = session.impersonatorId ? await this.users.findById(session.impersonatorId) : null;
    return {
      user: { pk: String(user.id), username: user.username, email: user.email, isSuperuser: superusers.has(user.id) },
      sessionId: session.id,
      ...(admin ? { impersonator: { pk: String(admin.id), username: admin.username, email: admin.email } } : {}),
    };
  }

  async fromBearerToken(key: string): Promise<Principal | null> {
    const match = await this.tokens.check(key, 'api');
    if (!match) return null;
    const superusers = await this.users.superuserIds([match.user.id]);
    return {
      user: {
        pk: String(match.user.id),
        username: match.user.username,
        email: match.user.email,
        isSuperuser: superusers.has(match.user.id),
      },
      tokenIdentifier: match.token.identifier,
    };
  }
}
