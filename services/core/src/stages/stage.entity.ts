import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A stage of any type; the type's own settings live in `config`, validated by the type's schema. */
@Entity({ name: 'stages' })
export class StageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The stage type, e.g. `deny`, `user_login` (see stages/types). */
  @Column({ type: 'varchar', length: 64 })
  type!: string;

  @Column({ type: 'jsonb', default: {} })
  config!: Record<string, unknown>;
}
