import { errors } from 'oidc-provider';
import type { OidcModelRepository, OidcPayload } from './oidc-model.repository.js';

/** The storage interface oidc-provider calls, one instance per model name. */
export interface OidcAdapter {
  upsert(id: string, payload: OidcPayload, expiresIn?: number): Promise<void>;
  find(id: string): Promise<OidcPayload | undefined>;
  findByUserCode(userCode: string): Promise<OidcPayload | undefined>;
  findByUid(uid: string): Promise<OidcPayload | undefined>;
  consume(id: string): Promise<void>;
  destroy(id: string): Promise<void>;
  revokeByGrantId(grantId: string): Promise<void>;
}

/** oidc-provider's adapter class over PostgreSQL: every replica reads the same artifacts. */
export function postgresAdapter(models: OidcModelRepository): new (name: string) => OidcAdapter {
  return class PostgresAdapter implements OidcAdapter {
    constructor(private readonly name: string) {}

    upsert(id: string, payload: OidcPayload, expiresIn?: number) {
      return models.upsert(this.name, id, payload, expiresIn);
    }
    find(id: string) {
      return models.find(this.name, 'id', id);
    }
    findByUserCode(userCode: string) {
      return models.find(this.name, 'user_code', userCode);
    }
    findByUid(uid: string) {
      return models.find(this.name, 'uid', uid);
    }
    /**
     * A second redemption that raced past oidc-provider's own check loses here: everything
     * the grant issued is revoked and the request fails like any reuse.
     */
    async consume(id: string) {
      if (await models.consume(this.name, id)) return;
      const payload = await models.find(this.name, 'id', id);
      if (payload?.grantId) await models.revokeGrant(payload.grantId);
      throw new errors.InvalidGrant('grant source already consumed');
    }
    destroy(id: string) {
      return models.destroy(this.name, id);
    }
    revokeByGrantId(grantId: string) {
      return models.revokeByGrantId(this.name, grantId);
    }
  };
}
