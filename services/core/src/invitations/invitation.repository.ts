import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { escapeLike, fetchPage } from '@authmesh/db';
import type { ListQuery } from '@authmesh/http';
import { DATA_SOURCE } from '../core.tokens.js';
import { managerFor } from '../database/transactions.js';
import { InvitationEntity } from './invitation.entity.js';
import type { InvitationFilters } from './invitation.dto.js';

const ORDERING: Record<string, string> = { name: 'i.name', expires: 'i.expires', created: 'i.created' };

/** Every query on invitations. */
@Injectable()
export class InvitationRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerFor(this.dataSource);
  }

  findOneBy(where: FindOptionsWhere<InvitationEntity>): Promise<InvitationEntity | null> {
    return this.manager().findOne(InvitationEntity, { where });
  }

  list(filters: InvitationFilters, query: ListQuery): Promise<[InvitationEntity[], number]> {
    const qb = this.manager().createQueryBuilder(InvitationEntity, 'i');
    if (filters.name !== undefined) qb.andWhere('i.name = :name', { name: filters.name });
    if (filters.flow__slug !== undefined)
      qb.andWhere('i.flow_id = (SELECT id FROM core.flows WHERE slug = :slug)', { slug: filters.flow__slug });
    if (query.search) qb.andWhere(`i.name ILIKE :s ESCAPE '\\'`, { s: `%${escapeLike(query.search)}%` });
    return fetchPage(qb, query, ORDERING, { name: 'ASC' });
  }

  /**
   * Uses an invitation in a flow, all checks in one statement so two browsers cannot both
   * use a single-use link: it must exist, not be expired, and belong to this flow (or none).
   */
  async use(id: string, flowId: string): Promise<InvitationEntity | null> {
    return this.manager().transaction(async (tx) => {
      const rows: Array<{ id: string }> = await tx.query(
        `SELECT id FROM core.invitations WHERE id = $1 AND (expires IS NULL OR expires > now()) AND (flow_id IS NULL OR flow_id = $2) FOR UPDATE`,
        [id, flowId],
      );
      if (rows.length === 0) return null;
      const invitation = await tx.findOne(InvitationEntity, { where: { id } });
      if (invitation?.singleUse) await tx.delete(InvitationEntity, { id });
      return invitation;
    });
  }

  async names(invitation: InvitationEntity): Promise<{ user?: string; flow?: { slug: string; name: string } }> {
    const [row] = (await this.manager().query(
      `SELECT (SELECT username FROM core.users WHERE id = $1) AS "user",
              (SELECT json_build_object('slug', slug, 'name', name) FROM core.flows WHERE id = $2) AS flow`,
      [invitation.createdBy, invitation.flowId],
    )) as Array<{ user: string | null; flow: { slug: string; name: string } | null }>;
    return { user: row.user ?? undefined, flow: row.flow ?? undefined };
  }

  async flowExists(id: string): Promise<boolean> {
    return (await this.manager().query('SELECT 1 FROM core.flows WHERE id = $1', [id])).length > 0;
  }

  save(invitation: InvitationEntity): Promise<InvitationEntity> {
    return this.manager().save(InvitationEntity, invitation);
  }

  async delete(id: string): Promise<void> {
    await this.manager().delete(InvitationEntity, { id });
  }
}
