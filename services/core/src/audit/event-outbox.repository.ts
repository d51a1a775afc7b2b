import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DATA_SOURCE } from '../core.tokens.js';
import { managerFor } from '../database/transactions.js';

export interface OutboxRow {
  id: string;
  subject: string;
  payload: unknown;
}

/** Every query on the event outbox. */
@Injectable()
export class EventOutboxRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerFor(this.dataSource);
  }

  async add(row: OutboxRow): Promise<void> {
    await this.manager().query('INSERT INTO core.event_outbox (id, subject, payload) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      row.id,
      row.subject,
      JSON.stringify(row.payload),
    ]);
  }

  /** The oldest waiting events, locked so that two core replicas never relay the same one. */
  async take(limit: number, relay: (row: OutboxRow) => Promise<void>): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const rows: OutboxRow[] = await tx.query(
        'SELECT id, subject, payload FROM core.event_outbox ORDER BY created LIMIT $1 FOR UPDATE SKIP LOCKED',
        [limit],
      );
      let sent = 0;
      for (const row of rows) {
        try {
          await relay(row);
          await tx.query('DELETE FROM core.event_outbox WHERE id = $1', [row.id]);
          sent++;
        } catch {
          await tx.query('UPDATE core.event_outbox SET attempts = attempts + 1 WHERE id = $1', [row.id]);
          break;
        }
      }
      return sent;
    });
  }

  async count(): Promise<number> {
    const [{ count }] = (await this.manager().query('SELECT count(*)::int AS count FROM core.event_outbox')) as Array<{ count: number }>;
    return count;
  }
}
