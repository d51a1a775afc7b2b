import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A login session. Only a digest of the browser's session key is stored. */
@Entity({ name: 'sessions' })
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'key_digest', type: 'text' })
  keyDigest!: string;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  created!: Date;

  @Column({ type: 'timestamptz' })
  expires!: Date;

  /** True when the cookie lives only as long as the browser (no explicit duration). */
  @Column({ name: 'browser_session', type: 'boolean', default: false })
  browserSession!: boolean;

  @Column({ name: 'last_ip', type: 'text', default: '' })
  lastIp!: string;

  @Column({ name: 'last_user_agent', type: 'text', default: '' })
  lastUserAgent!: string;

  @Column({ name: 'last_used', type: 'timestamptz', default: () => 'now()' })
  lastUsed!: Date;

  /** The admin who is impersonating `userId` in this session, or null; ending the impersonation gives the session back to them. */
  @Column({ name: 'impersonator_id', type: 'integer', nullable: true })
  impersonatorId!: number | null;
}
