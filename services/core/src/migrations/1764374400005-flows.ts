import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Columns that name a flow, now foreign keys to core.flows. */
const FLOW_REFERENCES: ReadonlyArray<[string, string]> = [
  ['brands', 'flow_authentication'],
  ['brands', 'flow_invalidation'],
  ['brands', 'flow_recovery'],
  ['brands', 'flow_unenrollment'],
  ['brands', 'flow_user_settings'],
  ['brands', 'flow_device_code'],
  ['providers', 'authentication_flow'],
  ['providers', 'authorization_flow'],
];

/** Flows (configuration only; stages and bindings follow), and flow references become foreign keys. */
export class Flows1764374400005 implements MigrationInterface {
  name = 'Flows1764374400005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.flows (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        slug varchar(50) NOT NULL,
        title text NOT NULL,
        designation varchar(32) NOT NULL CHECK (designation IN
          ('authentication', 'authorization', 'invalidation', 'enrollment', 'unenrollment', 'recovery', 'stage_configuration')),
        background text NOT NULL DEFAULT '',
        policy_engine_mode varchar(8) NOT NULL DEFAULT 'any' CHECK (policy_engine_mode IN ('any', 'all')),
        compatibility_mode boolean NOT NULL DEFAULT false,
        layout varchar(16) NOT NULL DEFAULT 'stacked' CHECK (layout IN ('stacked', 'content_left', 'content_right', 'sidebar_left', 'sidebar_right')),
        denied_action varchar(20) NOT NULL DEFAULT 'message_continue' CHECK (denied_action IN ('message_continue', 'message', 'continue')),
        authentication varchar(32) NOT NULL DEFAULT 'none' CHECK (authentication IN
          ('none', 'require_authenticated', 'require_unauthenticated', 'require_superuser')),
        CONSTRAINT flows_slug_unique UNIQUE (slug)
      )`);
    for (const [table, column] of FLOW_REFERENCES) {
      // No flows existed before this migration, so any value there points nowhere.
      await q.query(`UPDATE core.${table} SET ${column} = NULL WHERE ${column} IS NOT NULL`);
      await q.query(
        `ALTER TABLE core.${table} ADD CONSTRAINT ${table}_${column}_fk FOREIGN KEY (${column}) REFERENCES core.flows (id) ON DELETE SET NULL`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, column] of FLOW_REFERENCES) {
      await q.query(`ALTER TABLE core.${table} DROP CONSTRAINT ${table}_${column}_fk`);
    }
    await q.query(`DROP TABLE core.flows`);
  }
}
