import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A link that lets someone enroll; its fixed data is put into the flow's prompt data. */
@Entity({ name: 'invitations' })
export class InvitationEntity {
  /** Also the token in the link (`?itoken=`): a random UUID. */
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 50 })
  name!: string;

  @Column({ type: 'timestamptz', nullable: true })
  expires!: Date | null;

  @Column({ name: 'fixed_data', type: 'jsonb', default: {} })
  fixedData!: Record<string, unknown>;

  @Column({ name: 'created_by', type: 'integer', nullable: true })
  createdBy!: number | null;

  @Column({ name: 'single_use', type: 'boolean', default: false })
  singleUse!: boolean;

  /** When set, the invitation only works in this flow. */
  @Column({ name: 'flow_id', type: 'uuid', nullable: true })
  flowId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  created!: Date;
}
