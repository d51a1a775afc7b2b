import { paginate, type ListQuery, type Paginated } from '@authmesh/http';
import { NotFoundError } from '@authmesh/runtime';
import type { ReputationFilters, ReputationRead } from './reputation.dto.js';
import type { ReputationRepository, ReputationRow } from './reputation.repository.js';

/**
 * Reputation of usernames and client IPs, shared by every login path (web flows, LDAP,
 * RADIUS). An attempt is charged before the password is checked and refunded when it
 * succeeds, so parallel wrong passwords each lower the score before any of them is judged.
 */
/** The username score at which second-factor attempts stop being checked (the reputation policy's default threshold). */
export const SECOND_FACTOR_THROTTLE = -5;

export class ReputationService {
  constructor(private readonly scores: ReputationRepository) {}

  /**
   * Whether second-factor attempts for this username are paused: its score fell to the
   * throttle line (wrong codes each cost a point, and a correct password earns back less
   * than a run of guesses costs). Scores expire, so the pause ends once guessing stops.
   */
  async secondFactorThrottled(username: string): Promise<boolean> {
    return (await this.scores.score('username', normalise(username))) <= SECOND_FACTOR_THROTTLE;
  }

  /** Charges one attempt against the username and the IP; answers the new scores. */
  async charge(username: string, clientIp: string): Promise<{ username: number; ip: number }> {
    const [user, ip] = await Promise.all([
      this.scores.change('username', normalise(username), -1),
      clientIp ? this.scores.change('ip', clientIp, -1) : Promise.resolve(0),
    ]);
    return { username: user, ip };
  }

  /** Refunds a charged attempt that succeeded and credits the success. */
  async succeeded(username: string, clientIp: string): Promise<void> {
    await Promise.all([
      this.scores.change('username', normalise(username), 2),
      clientIp ? this.scores.change('ip', clientIp, 2) : undefined,
    ]);
  }

  /** The scores that still count, as the admin API lists them. */
  async list(filters: ReputationFilters, query: ListQuery): Promise<Paginated<ReputationRead>> {
    const { rows, count } = await this.scores.list({
      identifier: filters.identifier === undefined ? undefined : normalise(filters.identifier),
      ip: filters.ip,
      score: filters.score,
      search: query.search,
      ordering: query.ordering,
      offset: (query.page - 1) * query.page_size,
      limit: query.page_size,
    });
    return paginate(rows.map(toRead), count, query);
  }

  async get(pk: string): Promise<ReputationRead> {
    const row = await this.scores.find(pk);
    if (!row) throw new NotFoundError();
    return toRead(row);
  }

  /** Resets one score: it is forgotten and counts as 0 from now on. */
  async reset(pk: string): Promise<void> {
    if (!(await this.scores.delete(pk))) throw new NotFoundError();
  }

  async scoreOf(kind: 'ip' | 'username', identifier: string): Promise<number> {
    return this.scores.score(kind, kind === 'username' ? normalise(identifier) : identifier);
  }
}

function normalise(username: string): string {
  return username.trim().toLowerCase().slice(0, 255);
}

function toRead(row: ReputationRow): ReputationRead {
  return {
    pk: row.pk,
    identifier: row.kind === 'username' ? row.identifier : '',
    ip: row.kind === 'ip' ? row.identifier : '',
    score: row.score,
    updated: new Date(row.updated).toISOString(),
  };
}
