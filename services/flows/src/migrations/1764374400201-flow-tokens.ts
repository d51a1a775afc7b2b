import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Flow tokens: one-time links (e-mail verification, recovery) that resume a plan. */
export class FlowTokens1764374400201 implements MigrationInterface {
  name = 'FlowTokens1764374400201';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE flows.flow_tokens (
        key_digest text PRIMARY KEY,
        flow_slug varchar(50) NOT NULL,
        user_pk text NOT NULL,
        binding_pk uuid NOT NULL,
        state jsonb NOT NULL,
        created timestamptz NOT NULL DEFAULT now(),
        expires timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX flow_tokens_expires ON flows.flow_tokens (expires)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE flows.flow_tokens`);
  }
}
