import { Injectable } from '@nestjs/common';
import { paginate, type ListQuery, type Paginated, type Principal } from '@authmesh/http';
import { NotFoundError } from '@authmesh/runtime';
import { ownerScope, type OwnerFilter } from '../common/owner-filter.js';
import { ConsentEntity } from './consent.entity.js';
import { ConsentRepository } from './consent.repository.js';

export interface ConsentRead {
  pk: string;
  user: number;
  application: { slug: string; name: string } | null;
  permissions: string;
  expires: string | null;
  expiring: boolean;
}

/** Consents users gave to applications: checked and recorded by consent stages, listed and revoked by users. */
@Injectable()
export class ConsentService {
  constructor(private readonly consents: ConsentRepository) {}

  /** Whether a live consent covers every permission asked for now. */
  async covers(userId: number, applicationSlug: string, permissions: string[]): Promise<boolean> {
    const consent = await this.consents.findLive(userId, applicationSlug);
    if (!consent) return false;
    const granted = new Set(consent.permissions.split(' ').filter(Boolean));
    return permissions.every((p) => granted.has(p));
  }

  async grant(userId: number, applicationSlug: string, permissions: string[], expiresInSeconds: number): Promise<void> {
    const applicationId = await this.consents.applicationId(applicationSlug);
    if (!applicationId) throw new NotFoundError('application not found');
    await this.consents.replace(
      Object.assign(new ConsentEntity(), {
        userId,
        applicationId,
        permissions: [...new Set(permissions)].join(' '),
        expires: expiresInSeconds > 0 ? new Date(Date.now() + expiresInSeconds * 1000) : null,
      }),
    );
  }

  /** A superuser sees every consent (or one user's); anyone else sees their own. */
  async list(principal: Principal, query: ListQuery, filter: OwnerFilter = {}): Promise<Paginated<ConsentRead>> {
    const userId = ownerScope(principal.user.isSuperuser, principal.user.pk, filter);
    if (userId === null) return paginate([], 0, query);
    const [rows, count] = await this.consents.list(userId, query);
    const names = await this.consents.names(rows);
    return paginate(
      rows.map((c) => ({
        pk: c.id,
        user: c.userId,
        application: names.get(c.applicationId) ?? null,
        permissions: c.permissions,
        expires: c.expires?.toISOString() ?? null,
        expiring: c.expires !== null,
      })),
      count,
      query,
    );
  }

  /** Revokes a consent: the application asks again next time. */
  async revoke(principal: Principal, id: string): Promise<void> {
    const consent = await this.consents.findById(id);
    if (!consent || (!principal.user.isSuperuser && String(consent.userId) !== principal.user.pk)) throw new NotFoundError();
    await this.consents.delete(id);
  }
}
