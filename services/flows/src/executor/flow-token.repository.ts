import type { DataSource } from 'typeorm';
import type { ExecutionState } from './plan-context.js';

/** Why a token was issued: an e-mail stage's link, or an administrator's recovery link. */
export type FlowTokenPurpose = 'email' | 'recovery';

/** A flow token as stored: the plan to resume, for whom, at which binding. */
export interface FlowTokenRecord {
  flowSlug: string;
  userPk: string;
  /** The e-mail stage binding that issued it; null for a recovery link. */
  bindingPk: string | null;
  state: ExecutionState;
}

/** Every query on flow tokens. Keys are stored only as digests. */
export class FlowTokenRepository {
  constructor(private readonly dataSource: DataSource) {}

  async issue(keyDigest: string, record: FlowTokenRecord, expiresInMinutes: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO flows.flow_tokens (key_digest, flow_slug, user_pk, binding_pk, state, expires)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(mins => $6))`,
      [keyDigest, record.flowSlug, record.userPk, record.bindingPk, JSON.stringify(record.state), expiresInMinutes],
    );
  }

  /**
   * Issues a recovery token and, in the same statement, drops the user's earlier recovery
   * tokens: only the newest recovery link of a user works. Answers when it expires.
   */
  async replaceRecovery(keyDigest: string, record: FlowTokenRecord, expiresInMinutes: number): Promise<Date> {
    const rows: Array<{ expires: Date }> = await this.dataSource.query(
      `WITH earlier AS (DELETE FROM flows.flow_tokens WHERE user_pk = $3 AND purpose = 'recovery')
       INSERT INTO flows.flow_tokens (key_digest, flow_slug, user_pk, binding_pk, state, expires, purpose)
       VALUES ($1, $2, $3, NULL, $4, now() + make_interval(mins => $5), 'recovery')
       RETURNING expires`,
      [keyDigest, record.flowSlug, record.userPk, JSON.stringify(record.state), expiresInMinutes],
    );
    return new Date(rows[0].expires);
  }

  /**
   * Takes a token for a flow: one statement deletes and returns it only when it belongs to
   * this flow and has not expired, so it works once, and only where it was issued.
   */
  async take(keyDigest: string, flowSlug: string): Promise<FlowTokenRecord | null> {
    const [rows]: [Array<{ flow_slug: string; user_pk: string; binding_pk: string | null; state: ExecutionState }>, number] =
      await this.dataSource.query(
        `DELETE FROM flows.flow_tokens WHERE key_digest = $1 AND flow_slug = $2 AND expires > now()
       RETURNING flow_slug, user_pk, binding_pk, state`,
        [keyDigest, flowSlug],
      );
    const row = rows[0];
    return row ? { flowSlug: row.flow_slug, userPk: row.user_pk, bindingPk: row.binding_pk, state: row.state } : null;
  }

  async purgeExpired(): Promise<void> {
    await this.dataSource.query('DELETE FROM flows.flow_tokens WHERE expires <= now()');
  }
}
