import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import type { ListQuery } from '@authmesh/http';
import { fetchPage, escapeLike } from '@authmesh/db';
import { DATA_SOURCE } from '../core.tokens.js';
import { managerFor } from '../database/transactions.js';
import { CertificateKeyPairEntity } from './certificate-key-pair.entity.js';
import type { CertificateFilters } from './certificate-key-pair.dto.js';

const ORDERING: Record<string, string> = { name: 'c.name', cert_expiry: 'c.cert_expiry' };

/** Every query on certificate-key pairs. */
@Injectable()
export class CertificateKeyPairRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerFor(this.dataSource);
  }

  /** The one object matching every field (blueprint identifiers). */
  findOneBy(where: FindOptionsWhere<CertificateKeyPairEntity>): Promise<CertificateKeyPairEntity | null> {
    return this.manager().findOne(CertificateKeyPairEntity, { where });
  }

  findById(id: string): Promise<CertificateKeyPairEntity | null> {
    return this.manager().findOne(CertificateKeyPairEntity, { where: { id } });
  }

  async list(filters: CertificateFilters, query: ListQuery): Promise<[CertificateKeyPairEntity[], number]> {
    const qb = this.manager().createQueryBuilder(CertificateKeyPairEntity, 'c');
    if (filters.name !== undefined) qb.andWhere('c.name = :name', { name: filters.name });
    if (filters.has_key !== undefined)
      qb.andWhere(filters.has_key === 'true' ? 'c.key_data_sealed IS NOT NULL' : 'c.key_data_sealed IS NULL');
    if (filters.managed !== undefined) qb.andWhere('c.managed = :managed', { managed: filters.managed });
    if (query.search) qb.andWhere(`c.name ILIKE :s ESCAPE '\\'`, { s: `%${escapeLike(query.search)}%` });
    return fetchPage(qb, query, ORDERING, { name: 'ASC' });
  }

  save(pair: CertificateKeyPairEntity): Promise<CertificateKeyPairEntity> {
    pair.lastUpdated = new Date();
    return this.manager().save(CertificateKeyPairEntity, pair);
  }

  async delete(id: string): Promise<void> {
    await this.manager().delete(CertificateKeyPairEntity, { id });
  }
}
