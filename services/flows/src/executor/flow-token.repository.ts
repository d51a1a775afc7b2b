import type { DataSource } from 'typeorm';
import type { ExecutionState } from './plan-context.js';

/** A flow token as stored: the plan to resume, for whom, at which binding. */
export interface FlowTokenRecord {
  flowSlug: string;
  userPk: string;
  bindingPk: string;
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
   * Takes a token for a flow: one statement deletes and returns it only when it belongs to
   * this flow and has not expired, so it works once, and only where it was issued.
   */
  async take(keyDigest: string, flowSlug: string): Promise<FlowTokenRecord | null> {
    const [rows]: [Array<{ flow_slug: string; user_pk: string; binding_pk: string; state: ExecutionState }>, number] =
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
