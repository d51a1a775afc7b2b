import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

export const TOKEN_INTENTS = ['api', 'app_password', 'recovery', 'verification'] as const;
export type TokenIntent = (typeof TOKEN_INTENTS)[number];

@Entity({ name: 'tokens' })
export class TokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 255, unique: true })
  identifier!: string;

  /** Keyed digest of the token key, for lookup without keeping the key in clear. */
  @Column({ name: 'key_digest', type: 'char', length: 64, unique: true })
  keyDigest!: string;

  /** The key sealed with the installation secret, so `view_key` can show it. */
  @Column({ name: 'key_sealed', type: 'text' })
  keySealed!: string;

  @Column({ type: 'varchar', length: 32, default: 'api' })
  intent!: TokenIntent;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'boolean', default: true })
  expiring!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  expires!: Date | null;

  @Column({ type: 'text', nullable: true })
  managed!: string | null;
}
