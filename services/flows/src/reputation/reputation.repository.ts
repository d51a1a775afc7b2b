import type { DataSource } from 'typeorm';

export type ReputationKind = 'ip' | 'username';

/** One stored score as administrators see it. */
export interface ReputationRow {
  pk: string;
  kind: ReputationKind;
  identifier: string;
  score: number;
  updated: Date;
}

/** What a list of scores may be narrowed and sorted by. */
export interface ReputationListFilter {
  /** A username score for exactly this identifier. */
  identifier?: string;
  /** An address score for exactly this address. */
  ip?: string;
  score?: number;
  /** Part of the username or address, any case. */
  search?: string;
  /** A column (`identifier`, `ip`, `score`, `updated`), `-` first for descending. */
  ordering?: string;
  offset: number;
  limit: number;
}

/**
 * Sort keys by API name, as [expression, reversed] parts. `identifier` and `ip` are one
 * stored column: the other kind shows an empty value, so it sorts first when ascending.
 */
const ORDER_COLUMNS: Record<string, Array<[string, boolean]>> = {
  identifier: [
    ['kind', false],
    ['identifier', false],
  ],
  ip: [
    ['kind', true],
    ['identifier', false],
  ],
  score: [['score', false]],
  updated: [['updated', false]],
};

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

  /** The scores that still count (not expired), filtered and sorted, with their total. */
  async list(filter: ReputationListFilter): Promise<{ rows: ReputationRow[]; count: number }> {
    const where = ['updated >= now() - make_interval(secs => $1)'];
    const params: unknown[] = [this.expirySeconds];
    const add = (clause: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (filter.identifier !== undefined) add((n) => `kind = 'username' AND identifier = ${n}`, filter.identifier);
    if (filter.ip !== undefined) add((n) => `kind = 'ip' AND identifier = ${n}`, filter.ip);
    if (filter.score !== undefined) add((n) => `score = ${n}`, filter.score);
    if (filter.search) add((n) => `identifier ILIKE ${n}`, `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const descending = filter.ordering?.startsWith('-') ?? true;
    const column = ORDER_COLUMNS[filter.ordering?.replace(/^-/, '') ?? ''] ?? ORDER_COLUMNS.updated;
    const order = column.map(([expression, reversed]) => `${expression} ${descending !== reversed ? 'DESC' : 'ASC'}`).join(', ');
    const clause = where.join(' AND ');
    const [countRow]: Array<{ count: string }> = await this.dataSource.query(
      `SELECT count(*) AS count FROM flows.reputation WHERE ${clause}`,
      params,
    );
    const rows: ReputationRow[] = await this.dataSource.query(
      `SELECT pk, kind, identifier, score, updated FROM flows.reputation WHERE ${clause}
       ORDER BY ${order}, pk LIMIT ${Number(filter.limit)} OFFSET ${Number(filter.offset)}`,
      params,
    );
    return { rows, count: Number(countRow.count) };
  }

  /** One score that still counts, by id. */
  async find(pk: string): Promise<ReputationRow | null> {
    const rows: ReputationRow[] = await this.dataSource.query(
      `SELECT pk, kind, identifier, score, updated FROM flows.reputation
       WHERE pk = $1 AND updated >= now() - make_interval(secs => $2)`,
      [pk, this.expirySeconds],
    );
    return rows[0] ?? null;
  }

  /** Forgets one score (it counts as 0 again); answers whether there was one. */
  async delete(pk: string): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.dataSource.query('DELETE FROM flows.reputation WHERE pk = $1', [pk]);
    return affected > 0;
  }

  async score(kind: ReputationKind, identifier: string): Promise<number> {
    const rows: Array<{ score: number }> = await this.dataSource.query(
      'SELECT score FROM flows.reputation WHERE kind = $1 AND identifier = $2 AND updated >= now() - make_interval(secs => $3)',
      [kind, identifier, this.expirySeconds],
    );
    return rows[0]?.score ?? 0;
  }
}
