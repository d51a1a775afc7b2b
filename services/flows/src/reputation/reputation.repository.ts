import type { DataSource } from 'typeorm';

export type ReputationKind = 'ip' | 'username';

/** Score bounds, so one noisy client cannot wrap the counter. */
const MIN_SCORE = -1000;
const MAX_SCORE = 1000;

/**
 * Every query on reputation scores. Changes are single atomic statements, so parallel
 * attempts all count. A score untouched for `expirySeconds` is forgotten (counts as 0), so
 * a lockout ends once the attempts stop.
 */
export class ReputationRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly expirySeconds = 86_400,
  ) {}

  async change(kind: ReputationKind, identifier: string, delta: number): Promise<number> {
    const rows: Array<{ score: number }> = await this.dataSource.query(
      `INSERT INTO flows.reputation (kind, identifier, score) VALUES ($1, $2, greatest(least($3::int, ${MAX_SCORE}), ${MIN_SCORE}))
       ON CONFLICT (kind, identifier) DO UPDATE
         SET score = greatest(least(
               CASE WHEN flows.reputation.updated < now() - make_interval(secs => $4) THEN 0 ELSE flows.reputation.score END + $3::int,
               ${MAX_SCORE}), ${MIN_SCORE}),
             updated = now()
       RETURNING score`,
      [kind, identifier, delta, this.expirySeconds],
    );
    return rows[0].score;
  }

  async score(kind: ReputationKind, identifier: string): Promise<number> {
    const rows: Array<{ score: number }> = await this.dataSource.query(
      'SELECT score FROM flows.reputation WHERE kind = $1 AND identifier = $2 AND updated >= now() - make_interval(secs => $3)',
      [kind, identifier, this.expirySeconds],
    );
    return rows[0]?.score ?? 0;
  }
}
