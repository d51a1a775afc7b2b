import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EventEntity } from '../events/event.entity.js';

/** A notification shown to one user in the web interface (local delivery of a rule match). */
@Entity({ name: 'notifications' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  pk!: string;

  /** Integer primary key of the recipient in core, as a string. */
  @Column({ name: 'user_pk', type: 'varchar', length: 64 })
  userPk!: string;

  @Column({ type: 'varchar', length: 16 })
  severity!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'event_id', type: 'uuid', nullable: true })
  eventId!: string | null;

  /** The event that matched; null for a transport test. Deleted with the event (its retention). */
  @ManyToOne(() => EventEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  created!: Date;

  @Column({ type: 'boolean', default: false })
  seen!: boolean;
}
