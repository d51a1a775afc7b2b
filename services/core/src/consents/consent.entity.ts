import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A user's consent to share data with an application, for some permissions, possibly until a date. */
@Entity({ name: 'user_consents' })
export class ConsentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  /** Permission identifiers (e.g. OAuth scopes), space-separated as the reference stores them. */
  @Column({ type: 'text', default: '' })
  permissions!: string;

  @Column({ type: 'timestamptz', nullable: true })
  expires!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  created!: Date;
}
