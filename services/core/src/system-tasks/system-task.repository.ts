import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { escapeLike, parseOrdering } from '@authmesh/db';
import type { ListQuery } from '@authmesh/http';
import { DATA_SOURCE } from '../core.tokens.js';
import { SystemTaskEntity } from './system-task.entity.js';
import type { TaskListFilters } from './system-task.dto.js';

const ORDERING: Record<string, string> = {
  name: 't.name',
  service: 't.service',
  status: 't.status',
  last_run: 't.last_run',
  duration: 't.duration',
};

/** Every query on system tasks. */
@Injectable()
export class SystemTaskRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  find(service: string, name: string): Promise<SystemTaskEntity | null> {
    return this.dataSource.manager.findOne(SystemTaskEntity, { where: { service, name } });
  }

  list(filters: TaskListFilters, query: ListQuery): Promise<[SystemTaskEntity[], number]> {
    const qb = this.dataSource.manager.createQueryBuilder(SystemTaskEntity, 't');
    if (filters.status) qb.andWhere('t.status = :status', { status: filters.status });
    if (filters.service) qb.andWhere('t.service = :service', { service: filters.service });
    if (query.search) {
      qb.andWhere(`(t.name ILIKE :s ESCAPE '\\' OR t.service ILIKE :s ESCAPE '\\' OR t.description ILIKE :s ESCAPE '\\')`, {
        s: `%${escapeLike(query.search)}%`,
      });
    }
    const ordering = parseOrdering(query.ordering, Object.keys(ORDERING), { service: 'ASC', name: 'ASC' });
    for (const [field, direction] of Object.entries(ordering)) qb.addOrderBy(ORDERING[field], direction);
    // The key (service, name) keeps pages stable; an order set twice would replace the first one.
    for (const field of ['service', 'name']) if (!(field in ordering)) qb.addOrderBy(ORDERING[field], 'ASC');
    return qb
      .skip((query.page - 1) * query.page_size)
      .take(query.page_size)
      .getManyAndCount();
  }

  /** Adds an announced task, or refreshes the description and interval of a known one (its last run stays). */
  async announce(service: string, name: string, description: string, intervalSeconds: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO core.system_tasks (service, name, description, interval_seconds) VALUES ($1, $2, $3, $4)
       ON CONFLICT (service, name) DO UPDATE SET description = EXCLUDED.description, interval_seconds = EXCLUDED.interval_seconds`,
      [service, name, description, intervalSeconds],
    );
  }

  /** Stores a run as the task's latest, unless a run that ended later is stored already (reports may cross). */
  async recordRun(run: Omit<SystemTaskEntity, 'intervalSeconds'>): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO core.system_tasks (service, name, description, status, messages, started, last_run, duration)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)
       ON CONFLICT (service, name) DO UPDATE SET description = EXCLUDED.description, status = EXCLUDED.status,
         messages = EXCLUDED.messages, started = EXCLUDED.started, last_run = EXCLUDED.last_run, duration = EXCLUDED.duration
       WHERE core.system_tasks.last_run IS NULL OR core.system_tasks.last_run <= EXCLUDED.last_run`,
      [run.service, run.name, run.description, run.status, JSON.stringify(run.messages), run.started, run.lastRun, run.duration],
    );
  }
}
