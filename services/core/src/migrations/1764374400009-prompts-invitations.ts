import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Prompts (the fields of prompt stages) and invitations. */
export class PromptsInvitations1764374400009 implements MigrationInterface {
  name = 'PromptsInvitations1764374400009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.prompts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        field_key text NOT NULL,
        label text NOT NULL DEFAULT '',
        type varchar(32) NOT NULL,
        required boolean NOT NULL DEFAULT true,
        placeholder text NOT NULL DEFAULT '',
        placeholder_expression boolean NOT NULL DEFAULT false,
        initial_value text NOT NULL DEFAULT '',
        initial_value_expression boolean NOT NULL DEFAULT false,
        sub_text text NOT NULL DEFAULT '',
        "order" integer NOT NULL DEFAULT 0,
        CONSTRAINT prompts_name_unique UNIQUE (name)
      )`);
    await q.query(`
      CREATE TABLE core.invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(50) NOT NULL,
        expires timestamptz,
        fixed_data jsonb NOT NULL DEFAULT '{}',
        created_by integer REFERENCES core.users (id) ON DELETE SET NULL,
        single_use boolean NOT NULL DEFAULT false,
        flow_id uuid REFERENCES core.flows (id) ON DELETE CASCADE,
        created timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT invitations_name_unique UNIQUE (name)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE core.invitations`);
    await q.query(`DROP TABLE core.prompts`);
  }
}
