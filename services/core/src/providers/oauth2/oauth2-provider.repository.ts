import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { ListQuery } from '@authmesh/http';
import { escapeLike, fetchPage } from '@authmesh/db';
import { DATA_SOURCE } from '../../core.tokens.js';
import { managerFor } from '../../database/transactions.js';
import { PropertyMappingEntity } from '../property-mapping.entity.js';
import { ProviderEntity } from '../provider.entity.js';
import { OAuth2ProviderEntity } from './oauth2-provider.entity.js';
import type { OAuth2ProviderFilters } from './oauth2-provider.dto.js';

const ORDERING: Record<string, string> = { name: 'p.name', pk: 'p.id', client_id: 'o.client_id' };

/** Every query on OAuth2 providers (the base provider row and the oauth2 row together). */
@Injectable()
export class OAuth2ProviderRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerFor(this.dataSource);
  }

  private query() {
    return this.manager()
      .createQueryBuilder(OAuth2ProviderEntity, 'o')
      .innerJoinAndSelect('o.provider', 'p')
      .leftJoinAndSelect('p.propertyMappings', 'pm');
  }

  findById(id: number): Promise<OAuth2ProviderEntity | null> {
    return this.query().where('o.provider_id = :id', { id }).getOne();
  }

  findByClientId(clientId: string): Promise<OAuth2ProviderEntity | null> {
    return this.query().where('o.client_id = :clientId', { clientId }).getOne();
  }

  /** The provider of the application with this slug, if it is an OAuth2 provider. */
  findByApplicationSlug(slug: string): Promise<OAuth2ProviderEntity | null> {
    return this.query().where('o.provider_id = (SELECT a.provider_id FROM core.applications a WHERE a.slug = :slug)', { slug }).getOne();
  }

  /** Blueprint identifiers: base provider fields (name, pk) and client_id. */
  findOneBy(where: Record<string, unknown>): Promise<OAuth2ProviderEntity | null> {
    const qb = this.query();
    if (where.id !== undefined) qb.andWhere('o.provider_id = :id', { id: where.id });
    if (where.name !== undefined) qb.andWhere('p.name = :name', { name: where.name });
    if (where.clientId !== undefined) qb.andWhere('o.client_id = :clientId', { clientId: where.clientId });
    return qb.getOne();
  }

  async list(filters: OAuth2ProviderFilters, query: ListQuery): Promise<[OAuth2ProviderEntity[], number]> {
    const qb = this.query();
    if (filters.name !== undefined) qb.andWhere('p.name = :name', { name: filters.name });
    if (filters.client_id !== undefined) qb.andWhere('o.client_id = :clientId', { clientId: filters.client_id });
    if (filters.application !== undefined) {
      qb.andWhere('EXISTS (SELECT 1 FROM core.applications a WHERE a.provider_id = o.provider_id AND a.id = :app)', {
        app: filters.application,
      });
    }
    if (query.search)
      qb.andWhere(`(p.name ILIKE :s ESCAPE '\\' OR o.client_id ILIKE :s ESCAPE '\\')`, { s: `%${escapeLike(query.search)}%` });
    return fetchPage(qb, query, ORDERING, { name: 'ASC' });
  }

  /** Ids among `ids` that are not scope mappings. */
  async missingScopeMappings(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string }> = await this.manager().query(
      'SELECT property_mapping_id AS id FROM core.scope_mappings WHERE property_mapping_id = ANY($1)',
      [ids],
    );
    const found = new Set(rows.map((r) => r.id));
    return ids.filter((id) => !found.has(id));
  }

  async certificateWithKeyExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.manager().query(
      'SELECT 1 FROM core.certificate_key_pairs WHERE id = $1 AND key_data_sealed IS NOT NULL',
      [id],
    );
    return rows.length > 0;
  }

  /**
   * Saves the base provider row, its property mappings and the oauth2 row in one transaction;
   * with `rotation`, the replaced signing key is kept as retired until `verifyUntil`.
   */
  async save(
    base: ProviderEntity,
    mappingIds: string[] | undefined,
    oauth2: OAuth2ProviderEntity,
    rotation?: { keyId: string; verifyUntil: Date },
  ): Promise<number> {
    if (mappingIds !== undefined) base.propertyMappings = mappingIds.map((id) => Object.assign(new PropertyMappingEntity(), { id }));
    const outer = this.manager();
    const write = async (m: EntityManager) => {
      const saved = await m.save(ProviderEntity, base);
      oauth2.providerId = saved.id;
      await m.save(OAuth2ProviderEntity, { ...oauth2, provider: undefined });
      await m.query('DELETE FROM core.oauth2_provider_retired_keys WHERE provider_id = $1 AND verify_until <= now()', [saved.id]);
      // A key that signs again is current, not retired.
      if (oauth2.signingKeyId)
        await m.query('DELETE FROM core.oauth2_provider_retired_keys WHERE provider_id = $1 AND certificate_key_pair_id = $2', [
          saved.id,
          oauth2.signingKeyId,
        ]);
      if (rotation) {
        await m.query(
          `INSERT INTO core.oauth2_provider_retired_keys (provider_id, certificate_key_pair_id, retired_at, verify_until)
           VALUES ($1, $2, now(), $3)
           ON CONFLICT (provider_id, certificate_key_pair_id) DO UPDATE SET retired_at = now(), verify_until = EXCLUDED.verify_until`,
          [saved.id, rotation.keyId, rotation.verifyUntil],
        );
      }
      return saved.id;
    };
    return outer.queryRunner?.isTransactionActive ? write(outer) : outer.transaction(write);
  }

  /** The keys a provider signed with before its current one that are still to be verifiable, newest first. */
  async retiredSigningKeys(providerId: number): Promise<Array<{ keyId: string; name: string; retiredAt: Date; verifyUntil: Date }>> {
    const rows: Array<{ key_id: string; name: string; retired_at: Date; verify_until: Date }> = await this.manager().query(
      `SELECT r.certificate_key_pair_id AS key_id, c.name, r.retired_at, r.verify_until
       FROM core.oauth2_provider_retired_keys r JOIN core.certificate_key_pairs c ON c.id = r.certificate_key_pair_id
       WHERE r.provider_id = $1 AND r.verify_until > now() ORDER BY r.retired_at DESC`,
      [providerId],
    );
    return rows.map((r) => ({ keyId: r.key_id, name: r.name, retiredAt: new Date(r.retired_at), verifyUntil: new Date(r.verify_until) }));
  }

  /** Slugs of flows by id. */
  async flowSlugs(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; slug: string }> = await this.manager().query('SELECT id, slug FROM core.flows WHERE id = ANY($1)', [
      ids,
    ]);
    return new Map(rows.map((r) => [r.id, r.slug]));
  }

  /** The application a provider is assigned to, with what access decisions need. */
  async applicationOf(
    providerId: number,
  ): Promise<{ id: string; slug: string; name: string; policy_engine_mode: string; meta_launch_url: string } | null> {
    const rows: Array<{ id: string; slug: string; name: string; policy_engine_mode: string; meta_launch_url: string }> =
      await this.manager().query(
        'SELECT id, slug, name, policy_engine_mode, meta_launch_url FROM core.applications WHERE provider_id = $1',
        [providerId],
      );
    return rows[0] ?? null;
  }

  async delete(id: number): Promise<void> {
    await this.manager().delete(ProviderEntity, { id });
  }
}
