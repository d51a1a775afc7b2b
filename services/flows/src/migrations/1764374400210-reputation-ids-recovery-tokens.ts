import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reputation scores get a stable id, so administrators can look at and reset one score.
 * Flow tokens get a purpose: `email` (an e-mail stage's link, resuming at its binding) or
 * `recovery` (an administrator's recovery link, which resumes a plan made for it and has no
 * binding), so a new recovery link can replace the user's earlier ones.
 */
export class ReputationIdsRecoveryTokens1764374400210 implements MigrationInterface {
  name = 'ReputationIdsRecoveryTokens1764374400210';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE flows.reputation ADD COLUMN pk uuid NOT NULL DEFAULT gen_random_uuid()`);
    await q.query(`CREATE UNIQUE INDEX reputation_pk ON flows.reputation (pk)`);
    await q.query(`ALTER TABLE flows.flow_tokens ADD COLUMN purpose varchar(16) NOT NULL DEFAULT 'email'`);
    await q.query(`ALTER TABLE flows.flow_tokens ADD CONSTRAINT flow_tokens_purpose CHECK (purpose IN ('email', 'recovery'))`);
    await q.query(`ALTER TABLE flows.flow_tokens ALTER COLUMN binding_pk DROP NOT NULL`);
    await q.query(`CREATE INDEX flow_tokens_user ON flows.flow_tokens (user_pk, purpose)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX flows.flow_tokens_user`);
    await q.query(`DELETE FROM flows.flow_tokens WHERE binding_pk IS NULL`);
    await q.query(`ALTER TABLE flows.flow_tokens ALTER COLUMN binding_pk SET NOT NULL`);
    await q.query(`ALTER TABLE flows.flow_tokens DROP CONSTRAINT flow_tokens_purpose`);
    await q.query(`ALTER TABLE flows.flow_tokens DROP COLUMN purpose`);
    await q.query(`DROP INDEX flows.reputation_pk`);
    await q.query(`ALTER TABLE flows.reputation DROP COLUMN pk`);
  }
}
