import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notification transports (how a notification leaves: stored for the web interface, POSTed to
 * a webhook, or e-mailed) and notification rules (whom to tell, how urgently, through which
 * transports). Rules are targets of policy bindings, which decide which events match them.
 */
export class NotificationRulesTransports1764374400050 implements MigrationInterface {
  name = 'NotificationRulesTransports1764374400050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.notification_transports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        mode varchar(16) NOT NULL CHECK (mode IN ('local', 'webhook', 'webhook_slack', 'email')),
        webhook_url text NOT NULL DEFAULT '',
        webhook_mapping_id uuid REFERENCES core.property_mappings (id) ON DELETE SET NULL,
        send_once boolean NOT NULL DEFAULT false,
        CONSTRAINT notification_transports_name_unique UNIQUE (name)
      )`);
    await q.query(`
      CREATE TABLE core.notification_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        severity varchar(16) NOT NULL DEFAULT 'notice' CHECK (severity IN ('notice', 'warning', 'alert')),
        group_id uuid REFERENCES core.groups (id) ON DELETE SET NULL,
        policy_engine_mode varchar(8) NOT NULL DEFAULT 'any' CHECK (policy_engine_mode IN ('any', 'all')),
        CONSTRAINT notification_rules_name_unique UNIQUE (name)
      )`);
    await q.query(`
      CREATE TABLE core.notification_rule_transports (
        rule_id uuid NOT NULL REFERENCES core.notification_rules (id) ON DELETE CASCADE,
        transport_id uuid NOT NULL REFERENCES core.notification_transports (id) ON DELETE CASCADE,
        PRIMARY KEY (rule_id, transport_id)
      )`);
    await q.query(`CREATE INDEX notification_rule_transports_transport ON core.notification_rule_transports (transport_id)`);
    await q.query(`
      ALTER TABLE core.policy_bindings ADD COLUMN target_notification_rule_id uuid
        REFERENCES core.notification_rules (id) ON DELETE CASCADE`);
    await q.query(`ALTER TABLE core.policy_bindings DROP CONSTRAINT policy_bindings_one_target`);
    await q.query(`
      ALTER TABLE core.policy_bindings ADD CONSTRAINT policy_bindings_one_target
        CHECK (num_nonnulls(target_flow_id, target_flow_stage_binding_id, target_application_id, target_source_id,
          target_notification_rule_id) = 1)`);
    await q.query(`
      CREATE INDEX policy_bindings_notification_rule ON core.policy_bindings (target_notification_rule_id)
        WHERE target_notification_rule_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM core.policy_bindings WHERE target_notification_rule_id IS NOT NULL`);
    await q.query(`ALTER TABLE core.policy_bindings DROP CONSTRAINT policy_bindings_one_target`);
    await q.query(`
      ALTER TABLE core.policy_bindings ADD CONSTRAINT policy_bindings_one_target
        CHECK (num_nonnulls(target_flow_id, target_flow_stage_binding_id, target_application_id, target_source_id) = 1)`);
    await q.query(`ALTER TABLE core.policy_bindings DROP COLUMN target_notification_rule_id`);
    await q.query(`DROP TABLE core.notification_rule_transports`);
    await q.query(`DROP TABLE core.notification_rules`);
    await q.query(`DROP TABLE core.notification_transports`);
  }
}
