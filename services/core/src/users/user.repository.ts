import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import type { ListQuery } from '@authmesh/http';
import { fetchPage, escapeLike } from '@authmesh/db';
import { DATA_SOURCE } from '../core.tokens.js';
import { managerFor } from '../database/transactions.js';
import { GroupEntity } from '../groups/group.entity.js';
import { UserEntity } from './user.entity.js';
import type { userListQuerySchema } from './user.dto.js';
import type { z } from 'zod';

export type UserFilters = z.output<typeof userListQuerySchema>;

const ORDERING: Record<string, string> = {
  pk: 'u.id',
  username: 'u.username',
  name: 'u.name',
  email: 'u.email',
  is_active: 'u.is_active',
  last_login: 'u.last_login',
  date_joined: 'u.date_joined',
  path: 'u.path',
};

/** Every query on users and their group memberships. */
@Injectable()
export class UserRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(tx?: EntityManager): EntityManager {
    return managerFor(this.dataSource, tx);
  }

  /** The one user matching every field (blueprint identifiers); usernames match regardless of case. */
  findOneBy(where: FindOptionsWhere<UserEntity>): Promise<UserEntity | null> {
    const { username, ...rest } = where as { username?: unknown } & FindOptionsWhere<UserEntity>;
    const qb = this.manager().createQueryBuilder(UserEntity, 'u').where(rest);
    if (username !== undefined) qb.andWhere('lower(u.username) = lower(:username)', { username: String(username) });
    return qb.getOne();
  }

  findById(id: number, tx?: EntityManager): Promise<UserEntity | null> {
    return this.manager(tx).findOne(UserEntity, { where: { id } });
  }

  /** Usernames are unique regardless of case, so lookups ignore case too. */
  findByUsername(username: string, tx?: EntityManager): Promise<UserEntity | null> {
    return this.manager(tx).createQueryBuilder(UserEntity, 'u').where('lower(u.username) = lower(:username)', { username }).getOne();
  }

  /** The first user (lowest id) with this e-mail address, ignoring case; e-mail is not unique. */
  findByEmail(email: string): Promise<UserEntity | null> {
    return this.manager().createQueryBuilder(UserEntity, 'u').where('lower(u.email) = lower(:email)', { email }).orderBy('u.id').getOne();
  }

  /** The user whose attributes.upn is this value. */
  findByUpn(upn: string): Promise<UserEntity | null> {
    return this.manager().createQueryBuilder(UserEntity, 'u').where(`u.attributes->>'upn' = :upn`, { upn }).orderBy('u.id').getOne();
  }

  async list(filters: UserFilters, query: ListQuery): Promise<[UserEntity[], number]> {
    const qb = this.manager().createQueryBuilder(UserEntity, 'u');
    if (filters.username !== undefined) qb.andWhere('u.username = :username', { username: filters.username });
    if (filters.email !== undefined) qb.andWhere('lower(u.email) = lower(:email)', { email: filters.email });
    if (filters.name !== undefined) qb.andWhere('u.name = :name', { name: filters.name });
    if (filters.is_active !== undefined) qb.andWhere('u.is_active = :active', { active: filters.is_active === 'true' });
    if (filters.type !== undefined) qb.andWhere('u.type = :type', { type: filters.type });
    if (filters.path !== undefined) qb.andWhere('u.path = :path', { path: filters.path });
    if (filters.path_startswith !== undefined) {
      qb.andWhere(`u.path LIKE :prefix ESCAPE '\\'`, { prefix: `${escapeLike(filters.path_startswith)}%` });
    }
    if (filters.uuid !== undefined) qb.andWhere('u.uuid = :uuid', { uuid: filters.uuid });
    if (filters.groups_by_pk !== undefined) {
      qb.andWhere('u.id IN (SELECT user_id FROM core.group_members WHERE group_id = :gid)', { gid: filters.groups_by_pk });
    }
    if (query.search) {
      qb.andWhere(`(u.username ILIKE :s ESCAPE '\\' OR u.name ILIKE :s ESCAPE '\\' OR u.email ILIKE :s ESCAPE '\\')`, {
        s: `%${escapeLike(query.search)}%`,
      });
    }
    return fetchPage(qb, query, ORDERING, { username: 'ASC' }, 'u.id');
  }

  save(user: UserEntity, tx?: EntityManager): Promise<UserEntity> {
    user.lastUpdated = new Date();
    return this.manager(tx).save(UserEntity, user);
  }

  create(fields: Partial<UserEntity>, tx?: EntityManager): Promise<UserEntity> {
    return this.manager(tx).save(UserEntity, this.manager(tx).create(UserEntity, fields));
  }

  async delete(id: number, tx?: EntityManager): Promise<void> {
    await this.manager(tx).delete(UserEntity, { id });
  }

  async setGroups(userId: number, groupIds: string[], tx?: EntityManager): Promise<void> {
    const m = this.manager(tx);
    await m.query('DELETE FROM core.group_members WHERE user_id = $1', [userId]);
    if (groupIds.length > 0) {
      await m.query('INSERT INTO core.group_members (group_id, user_id) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING', [
        groupIds,
        userId,
      ]);
    }
  }

  /** Direct group memberships of each user. */
  async directGroups(userIds: number[], tx?: EntityManager): Promise<Map<number, GroupEntity[]>> {
    const result = new Map<number, GroupEntity[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return result;
    const rows: Array<{
      user_id: number;
      id: string;
      name: string;
      parent_id: string | null;
      is_superuser: boolean;
      attributes: Record<string, unknown>;
    }> = await this.manager(tx).query(
      `SELECT gm.user_id, g.id, g.name, g.parent_id, g.is_superuser, g.attributes
           FROM core.group_members gm JOIN core.groups g ON g.id = gm.group_id
          WHERE gm.user_id = ANY($1) ORDER BY g.name`,
      [userIds],
    );
    for (const row of rows) {
      const group = Object.assign(new GroupEntity(), {
        id: row.id,
        name: row.name,
        parentId: row.parent_id,
        isSuperuser: row.is_superuser,
        attributes: row.attributes,
      });
      result.get(row.user_id)?.push(group);
    }
    return result;
  }

  /**
   * Users who are superusers through any group they belong to, directly or through a
   * parent of one of their groups.
   */
  async superuserIds(userIds: number[], tx?: EntityManager): Promise<Set<number>> {
    if (userIds.length === 0) return new Set();
    const rows: Array<{ user_id: number }> = await this.manager(tx).query(
      `WITH RECURSIVE chain AS (
         SELECT gm.user_id, g.id, g.parent_id, g.is_superuser, 0 AS depth
           FROM core.group_members gm JOIN core.groups g ON g.id = gm.group_id
          WHERE gm.user_id = ANY($1)
         UNION
         SELECT c.user_id, p.id, p.parent_id, p.is_superuser, c.depth + 1
           FROM chain c JOIN core.groups p ON p.id = c.parent_id
          WHERE c.depth < 64
       )
       SELECT user_id FROM chain GROUP BY user_id HAVING bool_or(is_superuser)`,
      [userIds],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  /** Distinct user paths, optionally filtered by a substring. */
  async paths(search?: string): Promise<string[]> {
    const rows: Array<{ path: string }> = await this.manager().query(
      `SELECT DISTINCT path FROM core.users WHERE ($1::text IS NULL OR path ILIKE $1 ESCAPE '\\') ORDER BY path LIMIT 1000`,
      [search ? `%${escapeLike(search)}%` : null],
    );
    return rows.map((r) => r.path);
  }
}
