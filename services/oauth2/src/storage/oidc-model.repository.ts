import type { DataSource } from 'typeorm';

/** One stored oidc-provider artifact, as the provider hands it over. */
export type OidcPayload = Record<string, unknown> & { grantId?: string; userCode?: string; uid?: string; consumed?: number };

/** Every query on oidc-provider's stored artifacts (the `oauth2.oidc_models` table). */
export class OidcModelRepository {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(model: string, id: string, payload: OidcPayload, expiresInSeconds: number | undefined): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO oauth2.oidc_models (model, id, payload, grant_id, user_code, uid, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::int IS NULL THEN NULL ELSE now() + make_interval(secs => $7::int) END)
       ON CONFLICT (model, id) DO UPDATE
         SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id, user_code = EXCLUDED.user_code,
             uid = EXCLUDED.uid, expires_at = EXCLUDED.expires_at`,
      [
        model,
        id,
        JSON.stringify(payload),
        payload.grantId ?? null,
        payload.userCode ?? null,
        payload.uid ?? null,
        expiresInSeconds ?? null,
      ],
    );
  }

  /** The live artifact, with `consumed` set (epoch seconds) once it was used; expired ones are gone. */
  async find(model: string, where: 'id' | 'user_code' | 'uid', value: string): Promise<OidcPayload | undefined> {
    const rows: Array<{ payload: OidcPayload; consumed: number | null }> = await this.dataSource.query(
      `SELECT payload, extract(epoch FROM consumed_at)::bigint AS consumed FROM oauth2.oidc_models
        WHERE model = $1 AND ${where} = $2 AND (expires_at IS NULL OR expires_at > now())`,
      [model, value],
    );
    const row = rows[0];
    if (!row) return undefined;
    return row.consumed === null ? row.payload : { ...row.payload, consumed: Number(row.consumed) };
  }

  /**
   * Marks an artifact used. Only the first caller wins: concurrent redemptions of one code
   * see it consumed (answers whether this call consumed it).
   */
  async consume(model: string, id: string): Promise<boolean> {
    // Wrapped in a SELECT: TypeORM answers UPDATE and DELETE with [rows, count], not rows.
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `WITH used AS (UPDATE oauth2.oidc_models SET consumed_at = now() WHERE model = $1 AND id = $2 AND consumed_at IS NULL RETURNING 1)
       SELECT count(*)::int AS n FROM used`,
      [model, id],
    );
    return rows[0]?.n === 1;
  }

  /**
   * Settles a pending device code once: merges `changes` (an approval's account and grant, or
   * a denial's error) into it only while it is live, unused, and neither approved, denied nor
   * being verified elsewhere. Concurrent settlements of one code: only the first wins
   * (answers whether this call did).
   */
  async settleDeviceCode(userCode: string, changes: Record<string, unknown>): Promise<boolean> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `WITH settled AS (
         UPDATE oauth2.oidc_models SET payload = payload || $2::jsonb, grant_id = COALESCE($3, grant_id)
          WHERE model = 'DeviceCode' AND user_code = $1 AND consumed_at IS NULL AND (expires_at IS NULL OR expires_at > now())
            AND payload->>'accountId' IS NULL AND payload->>'error' IS NULL
            AND NOT coalesce((payload->>'inFlight')::boolean, false)
          RETURNING 1)
       SELECT count(*)::int AS n FROM settled`,
      [userCode, JSON.stringify(changes), typeof changes.grantId === 'string' ? changes.grantId : null],
    );
    return rows[0]?.n === 1;
  }

  async destroy(model: string, id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM oauth2.oidc_models WHERE model = $1 AND id = $2`, [model, id]);
  }

  async revokeByGrantId(model: string, grantId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM oauth2.oidc_models WHERE model = $1 AND grant_id = $2`, [model, grantId]);
  }

  /** Deletes everything issued under a grant (every model), and the grant itself. */
  async revokeGrant(grantId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM oauth2.oidc_models WHERE grant_id = $1 OR (model = 'Grant' AND id = $1)`, [grantId]);
  }

  /** Deletes expired artifacts; answers how many. */
  async purgeExpired(): Promise<number> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `WITH gone AS (DELETE FROM oauth2.oidc_models WHERE expires_at <= now() RETURNING 1) SELECT count(*)::int AS n FROM gone`,
    );
    return rows[0]?.n ?? 0;
  }
}
