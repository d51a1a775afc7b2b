import { Injectable } from '@nestjs/common';
import { uniqueViolation } from '@authmesh/db';
import { PermissionDeniedError, ValidationFailedError } from '@authmesh/runtime';
import type { UserEntity } from './user.entity.js';
import { UserRepository } from './user.repository.js';

/** The reference product's attribute marking users that authentik created itself. */
export const GENERATED_ATTRIBUTE = 'goauthentik.io/user/generated';
export const EXPIRES_ATTRIBUTE = 'goauthentik.io/user/expires';
/** Who generated a service account (e.g. `oauth2-provider:<uuid>`): only that owner may use it again. */
export const OWNER_ATTRIBUTE = 'authmesh.io/user/generated-by';

export interface ServiceAccountSpec {
  username: string;
  name: string;
  path: string;
  /** Unix seconds recorded on creation; 0 for none. */
  expires: number;
  /** Who generates the account; empty for no particular owner. */
  owner?: string;
}

/**
 * Generated service accounts that protocol runtimes act for: created on first use, refreshed
 * (name, path, last login) afterwards. An existing user that is not a generated service
 * account keeps its identity: a client can never become a person by choosing a subject.
 */
@Injectable()
export class ServiceAccountService {
  constructor(private readonly users: UserRepository) {}

  async ensure(spec: ServiceAccountSpec): Promise<UserEntity> {
    if (!spec.username || spec.username.length > 150) throw ValidationFailedError.field('username', 'Between 1 and 150 characters.');
    const existing = await this.users.findByUsername(spec.username);
    if (existing) return this.refresh(existing, spec);
    try {
      return await this.users.create({
        username: spec.username,
        name: spec.name,
        path: spec.path,
        type: 'service_account',
        password: null,
        lastLogin: new Date(),
        attributes: {
          [GENERATED_ATTRIBUTE]: true,
          ...(spec.expires > 0 ? { [EXPIRES_ATTRIBUTE]: spec.expires } : {}),
          ...(spec.owner ? { [OWNER_ATTRIBUTE]: spec.owner } : {}),
        },
      });
    } catch (error) {
      // Two first requests at once: the other one created it.
      if (!uniqueViolation(error)) throw error;
      const raced = await this.users.findByUsername(spec.username);
      if (!raced) throw error;
      return this.refresh(raced, spec);
    }
  }

  private refresh(user: UserEntity, spec: ServiceAccountSpec): Promise<UserEntity> {
    if (user.type !== 'service_account' || user.attributes?.[GENERATED_ATTRIBUTE] !== true) {
      throw new PermissionDeniedError('the username belongs to a user that is not a generated service account');
    }
    const owner = user.attributes[OWNER_ATTRIBUTE];
    if ((owner ?? '') !== (spec.owner ?? '')) {
      // Accounts generated before owners were recorded have none: the first owner to use one again adopts it.
      if (owner !== undefined || !spec.owner)
        throw new PermissionDeniedError('the username belongs to a service account generated for someone else');
      user.attributes = { ...user.attributes, [OWNER_ATTRIBUTE]: spec.owner };
    }
    user.name = spec.name;
    user.path = spec.path;
    user.lastLogin = new Date();
    return this.users.save(user);
  }
}
