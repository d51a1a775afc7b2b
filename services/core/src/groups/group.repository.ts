import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import type { ListQuery } from '@authmesh/http';
import { fetchPage, escapeLike } from '@authmesh/db';
import { DATA_SOURCE } from '../core.tokens.js';
import { managerFor } from '../database/transactions.js';
import { GroupEntity } from './group.entity.js';
import type { GroupFilters } from './group.dto.js';

export interface MemberRow {
  group_id: string;
  pk: number;
  username: string;
  name: string;
  email: string;
  is_active: boolean;
}

const ORDERING: Record<string, string> = { name: 'g.name', is_superuser: 'g.is_superuser', pk: 'g.id' };

/** Every query on groups, their hierarchy and their members. */
@Injectable()
export class GroupRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(tx?: EntityManager): EntityManager {
    return managerFor(this.dataSource, tx);
  }

  /** The one object matching every field (blueprint identifiers). */
  findOneBy(where: FindOptionsWhere<GroupEntity>): Promise<GroupEntity | null> {
    return this.manager().findOne(GroupEntity, { where });
  }

  findById(id: string, tx?: EntityManager): Promise<GroupEntity | null> {
    return this.manager(tx).findOne(GroupEntity, { where: { id } });
  }

  findByName(name: string, tx?: EntityManager): Promise<GroupEntity | null> {
    return this.manager(tx).findOne(GroupEntity, { where: { name } });
  }

  findByIds(ids: string[]): Promise<GroupEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager().createQueryBuilder(GroupEntity, 'g').where('g.id = ANY(:ids)', { ids }).getMany();
  }

  async list(filters: GroupFilters, query: ListQuery): Promise<[GroupEntity[], number]> {
    const qb = this.manager().createQueryBuilder(GroupEntity, 'g');
    if (filters.name !== undefined) qb.andWhere('g.name = :name', { name: filters.name });
    if (filters.is_superuser !== undefined) qb.andWhere('g.is_superuser = :su', { su: filters.is_superuser === 'true' });
    if (filters.parent !== undefined) qb.andWhere('g.parent_id = :parent', { parent: filters.parent });
    if (filters.members_by_pk !== undefined) {
      qb.andWhere('g.id IN (SELECT group_id FROM core.group_members WHERE user_id = :uid)', { uid: filters.members_by_pk });
    }
    if (filters.members_by_username !== undefined) {
      qb.andWhere(
        'g.id IN (SELECT gm.group_id FROM core.group_members gm JOIN core.users u ON u.id = gm.user_id WHERE lower(u.username) = lower(:uname))',
        { uname: filters.members_by_username },
      );
    }
    if (query.search) qb.andWhere(`g.name ILIKE :s ESCAPE '\\'`, { s: `%${escapeLike(query.search)}%` });
    return fetchPage(qb, query, ORDERING, { name: 'ASC' });
  }

  create(fields: Partial<GroupEntity>, tx?: EntityManager): Promise<GroupEntity> {
    return this.manager(tx).save(GroupEntity, this.manager(tx).create(GroupEntity, fields));
  }

  save(group: GroupEntity, tx?: EntityManager): Promise<GroupEntity> {
    return this.manager(tx).save(GroupEntity, group);
  }

  async delete(id: string, tx?: EntityManager): Promise<void> {
    await this.manager(tx).delete(GroupEntity, { id });
  }

  /** Which of `ids` do not name an existing group. */
  async missing(ids: string[], tx?: EntityManager): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string }> = await this.manager(tx).query(
      'SELECT id FROM unnest($1::uuid[]) AS id WHERE id NOT IN (SELECT id FROM core.groups)',
      [ids],
    );
    return rows.map((r) => r.id);
  }

  /** Which of `userIds` do not name an existing user. */
  async missingUsers(userIds: number[], tx?: EntityManager): Promise<number[]> {
    if (userIds.length === 0) return [];
    const rows: Array<{ id: number }> = await this.manager(tx).query(
      'SELECT id FROM unnest($1::int[]) AS id WHERE id NOT IN (SELECT id FROM core.users)',
      [userIds],
    );
    return rows.map((r) => r.id);
  }

  /** Whether `candidate` is `groupId` itself or one of its descendants (a parent cycle). */
  async isSelfOrDescendant(groupId: string, candidate: string, tx?: EntityManager): Promise<boolean> {
    const rows: Array<{ found: boolean }> = await this.manager(tx).query(
      `WITH RECURSIVE down AS (
         SELECT id, 0 AS depth FROM core.groups WHERE id = $1
         UNION
         SELECT g.id, d.depth + 1 FROM core.groups g JOIN down d ON g.parent_id = d.id WHERE d.depth < 64
       ) SELECT EXISTS (SELECT 1 FROM down WHERE id = $2) AS found`,
      [groupId, candidate],
    );
    return rows[0]?.found === true;
  }

  async children(id: string, tx?: EntityManager): Promise<GroupEntity[]> {
    return this.manager(tx).find(GroupEntity, { where: { parentId: id }, order: { name: 'ASC' } });
  }

  async members(groupIds: string[]): Promise<Map<string, MemberRow[]>> {
    const result = new Map<string, MemberRow[]>(groupIds.map((id) => [id, []]));
    if (groupIds.length === 0) return result;
    const rows: MemberRow[] = await this.manager().query(
      `SELECT gm.group_id, u.id AS pk, u.username, u.name, u.email, u.is_active
         FROM core.group_members gm JOIN core.users u ON u.id = gm.user_id
        WHERE gm.group_id = ANY($1) ORDER BY u.username`,
      [groupIds],
    );
    for (const row of rows) result.get(row.group_id)?.push(row);
    return result;
  }

  async setMembers(groupId: string, userIds: number[], tx?: EntityManager): Promise<void> {
    const m = this.manager(tx);
    await m.query('DELETE FROM core.group_members WHERE group_id = $1', [groupId]);
    await this.addMembers(groupId, userIds, tx);
  }

  async addMembers(groupId: string, userIds: number[], tx?: EntityManager): Promise<void> {
    if (userIds.length === 0) return;
    await this.manager(tx).query('INSERT INTO core.group_members (group_id, user_id) SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING', [
      groupId,
      userIds,
    ]);
  }

  async removeMember(groupId: string, userId: number): Promise<void> {
    await this.manager().query('DELETE FROM core.group_members WHERE group_id = $1 AND user_id = $2', [groupId, userId]);
  }

  /** Every group a user belongs to, directly or through the parents of its groups. */
  async effectiveGroupsOfUser(userId: number): Promise<GroupEntity[]> {
    const rows: Array<{ id: string; name: string; parent_id: string | null; is_superuser: boolean; attributes: Record<string, unknown> }> =
      await this.manager().query(
        `WITH RECURSIVE chain AS (
           SELECT g.*, 0 AS depth FROM core.group_members gm JOIN core.groups g ON g.id = gm.group_id WHERE gm.user_id = $1
           UNION
           SELECT p.*, c.depth + 1 FROM chain c JOIN core.groups p ON p.id = c.parent_id WHERE c.depth < 64
         ) SELECT DISTINCT id, name, parent_id, is_superuser, attributes FROM chain ORDER BY name`,
        [userId],
      );
    return rows.map((r) =>
      Object.assign(new GroupEntity(), {
        id: r.id,
        name: r.name,
        parentId: r.parent_id,
        isSuperuser: r.is_superuser,
        attributes: r.attributes,
      }),
    );
  }
}
