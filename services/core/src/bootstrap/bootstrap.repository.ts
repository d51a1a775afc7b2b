import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The one-row record of whether first-start setup has run. */
@Injectable()
export class BootstrapRepository {
  /**
   * Marks bootstrap as done inside `tx` and says whether this caller is the one that did it.
   * The row lock serialises concurrent first starts.
   */
  async claim(tx: EntityManager): Promise<boolean> {
    const rows: Array<{ done: boolean }> = await tx.query('SELECT done FROM core.bootstrap WHERE id = 1 FOR UPDATE');
    if (rows[0]?.done) return false;
    await tx.query('UPDATE core.bootstrap SET done = true, done_at = now() WHERE id = 1');
    return true;
  }
}
