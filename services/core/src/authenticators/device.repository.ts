import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { fetchPage } from '@authmesh/db';
import type { ListQuery } from '@authmesh/http';
import { DATA_SOURCE } from '../core.tokens.js';
import { managerFor } from '../database/transactions.js';
import { DeviceEntity, type DeviceType } from './device.entity.js';

const ORDERING: Record<string, string> = { name: 'd.name', created: 'd.created', last_used: 'd.last_used' };

/** Every query on authenticator devices. */
@Injectable()
export class DeviceRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerFor(this.dataSource);
  }

  list(filters: { userId?: number; type?: DeviceType }, query: ListQuery): Promise<[DeviceEntity[], number]> {
    const qb = this.manager().createQueryBuilder(DeviceEntity, 'd');
    if (filters.userId !== undefined) qb.andWhere('d.user_id = :userId', { userId: filters.userId });
    if (filters.type !== undefined) qb.andWhere('d.type = :type', { type: filters.type });
    return fetchPage(qb, query, ORDERING, { created: 'ASC' });
  }

  ofUser(userId: number): Promise<DeviceEntity[]> {
    return this.manager().find(DeviceEntity, { where: { userId }, order: { created: 'ASC' } });
  }

  findById(id: string): Promise<DeviceEntity | null> {
    return this.manager().findOne(DeviceEntity, { where: { id } });
  }

  save(device: DeviceEntity): Promise<DeviceEntity> {
    return this.manager().save(DeviceEntity, device);
  }

  async deleteUnconfirmed(userId: number, type: DeviceType): Promise<void> {
    await this.manager().delete(DeviceEntity, { userId, type, confirmed: false });
  }

  /** Moves a TOTP device's last accepted step forward, only if the step is newer: false means a replay. */
  async advanceStep(id: string, step: number): Promise<boolean> {
    const result = await this.manager()
      .createQueryBuilder()
      .update(DeviceEntity)
      .set({ lastStep: String(step), lastUsed: () => 'now()' })
      .where('id = :id AND last_step < :step', { id, step })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Whether a confirmed SMS device holds this number, whole or as its digest. */
  async phoneInUse(phone: string, digest: string): Promise<boolean> {
    const found = await this.manager()
      .createQueryBuilder(DeviceEntity, 'd')
      .where("d.type = 'sms' AND d.confirmed AND (d.data->>'phone_number' = :phone OR d.data->>'phone_hash' = :digest)", { phone, digest })
      .getExists();
    return found;
  }

  /**
   * Serialises Duo device imports until the current transaction ends, so two imports cannot both
   * find a user without a device and both create one. Imports are rare admin actions; one lock is enough.
   */
  async lockDuoImports(): Promise<void> {
    await this.manager().query(`SELECT pg_advisory_xact_lock(hashtext('authmesh.core.duo-device-import'))`);
  }

  /** The user's Duo device that pushes to this Duo user, whichever stage created it. */
  findDuo(userId: number, duoUserId: string): Promise<DeviceEntity | null> {
    return this.manager()
      .createQueryBuilder(DeviceEntity, 'd')
      .where("d.user_id = :userId AND d.type = 'duo' AND d.data->>'duo_user_id' = :duoUserId", { userId, duoUserId })
      .getOne();
  }

  findByCredentialId(credentialId: string): Promise<DeviceEntity | null> {
    return this.manager().findOne(DeviceEntity, { where: { credentialId, type: 'webauthn', confirmed: true } });
  }

  /**
   * Records a WebAuthn use, atomically: the counter must grow, except for authenticators
   * that keep no counter (stored and presented 0). False means a possible clone.
   */
  async advanceSignCount(id: string, count: number): Promise<boolean> {
    const result = await this.manager()
      .createQueryBuilder()
      .update(DeviceEntity)
      .set({ signCount: String(count), lastUsed: () => 'now()' })
      .where('id = :id AND (sign_count < :count OR (sign_count = 0 AND :count = 0))', { id, count })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Removes one static code digest, atomically: false when it was not there (already used). */
  async useStaticCode(id: string, digest: string): Promise<boolean> {
    const rows: [unknown[], number] = await this.manager().query(
      `UPDATE core.authenticator_devices
         SET data = jsonb_set(data, '{tokens}', (data->'tokens') - $2::text), last_used = now()
       WHERE id = $1 AND confirmed AND data->'tokens' ? $2::text`,
      [id, digest],
    );
    return rows[1] === 1;
  }

  async delete(id: string): Promise<void> {
    await this.manager().delete(DeviceEntity, { id });
  }
}
