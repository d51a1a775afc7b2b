import type { DataSource } from 'typeorm';
import type { ExecutionState } from './plan-context.js';

/** How long an idle execution is kept. */
const EXECUTION_TTL_SECONDS = 30 * 60;

/** Every query on flow executions. Keys are digests of the browser's flow cookie. */
export class ExecutionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(keyDigest: string, flowSlug: string): Promise<ExecutionState | null> {
    const rows: Array<{ state: ExecutionState }> = await this.dataSource.query(
      'SELECT state FROM flows.executions WHERE key_digest = $1 AND flow_slug = $2 AND expires > now()',
      [keyDigest, flowSlug],
    );
    return rows[0]?.state ?? null;
  }

  /** Every live execution of one browser, whatever the flow. */
  async findAll(keyDigest: string): Promise<ExecutionState[]> {
    const rows: Array<{ state: ExecutionState }> = await this.dataSource.query(
      'SELECT state FROM flows.executions WHERE key_digest = $1 AND expires > now()',
      [keyDigest],
    );
    return rows.map((row) => row.state);
  }

  async save(keyDigest: string, state: ExecutionState): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO flows.executions (key_digest, flow_slug, state, expires) VALUES ($1, $2, $3, now() + make_interval(secs => $4))
       ON CONFLICT (key_digest, flow_slug) DO UPDATE SET state = excluded.state, expires = excluded.expires`,
      [keyDigest, state.flowSlug, JSON.stringify(state), EXECUTION_TTL_SECONDS],
    );
  }

  async delete(keyDigest: string, flowSlug?: string): Promise<void> {
    if (flowSlug)
      await this.dataSource.query('DELETE FROM flows.executions WHERE key_digest = $1 AND flow_slug = $2', [keyDigest, flowSlug]);
    else await this.dataSource.query('DELETE FROM flows.executions WHERE key_digest = $1', [keyDigest]);
  }

  async purgeExpired(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query('DELETE FROM flows.executions WHERE expires <= now()');
    return result[1] ?? 0;
  }
}
