import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import type { ListQuery } from '@authmesh/http';
import { fetchPage, escapeLike } from '@authmesh/db';
import { DATA_SOURCE } from '../core.tokens.js';
import { managerFor } from '../database/transactions.js';
import { TokenEntity } from './token.entity.js';
import type { TokenFilters } from './token.dto.js';

const ORDERING: Record<string, string> = { identifier: 't.identifier', expires: 't.expires', intent: 't.intent' };

/** Every query on tokens. */
@Injectable()
export class TokenRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(tx?: EntityManager): EntityManager {
    return managerFor(this.dataSource, tx);
  }

  /** The one object matching every field (blueprint identifiers). */
  findOneBy(where: FindOptionsWhere<TokenEntity>): Promise<TokenEntity | null> {
    return this.manager().findOne(TokenEntity, { where });
  }

  findByIdentifier(identifier: string): Promise<TokenEntity | null> {
    return this.manager()
      .createQueryBuilder(TokenEntity, 't')
      .innerJoinAndSelect('t.user', 'u')
      .where('t.identifier = :identifier', { identifier })
      .getOne();
  }

  /** One query (no DISTINCT pre-query, unlike findOne with relations): this runs on every API call. */
  findByDigest(digest: string): Promise<TokenEntity | null> {
    return this.manager()
      .createQueryBuilder(TokenEntity, 't')
      .innerJoinAndSelect('t.user', 'u')
      .where('t.key_digest = :digest', { digest })
      .getOne();
  }

  async list(filters: TokenFilters, query: ListQuery, ownerId?: number): Promise<[TokenEntity[], number]> {
    const qb = this.manager().createQueryBuilder(TokenEntity, 't').innerJoinAndSelect('t.user', 'u');
    if (ownerId !== undefined) qb.andWhere('t.user_id = :owner', { owner: ownerId });
    if (filters.identifier !== undefined) qb.andWhere('t.identifier = :identifier', { identifier: filters.identifier });
    if (filters.intent !== undefined) qb.andWhere('t.intent = :intent', { intent: filters.intent });
    if (filters.managed !== undefined) qb.andWhere('t.managed = :managed', { managed: filters.managed });
    if (filters.user__username !== undefined) qb.andWhere('lower(u.username) = lower(:uname)', { uname: filters.user__username });
    if (query.search) {
      qb.andWhere(`(t.identifier ILIKE :s ESCAPE '\\' OR t.description ILIKE :s ESCAPE '\\')`, { s: `%${escapeLike(query.search)}%` });
    }
    return fetchPage(qb, query, ORDERING, { identifier: 'ASC' });
  }

  create(fields: Partial<TokenEntity>, tx?: EntityManager): Promise<TokenEntity> {
    return this.manager(tx).save(TokenEntity, this.manager(tx).create(TokenEntity, fields));
  }

  save(token: TokenEntity, tx?: EntityManager): Promise<TokenEntity> {
    return this.manager(tx).save(TokenEntity, token);
  }

  async delete(id: string): Promise<void> {
    await this.manager().delete(TokenEntity, { id });
  }
}
