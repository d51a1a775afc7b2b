import { Injectable } from '@nestjs/common';
import type { Principal, PrincipalResolver } from '@authmesh/http';
import { TokenService } from '../tokens/token.service.js';
import { UserRepository } from '../users/user.repository.js';

/** Resolves API bearer tokens for core's own HTTP API and for the CheckToken RPC. */
@Injectable()
export class TokenPrincipalResolver implements PrincipalResolver {
  constructor(
    private readonly tokens: TokenService,
    private readonly users: UserRepository,
  ) {}

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
