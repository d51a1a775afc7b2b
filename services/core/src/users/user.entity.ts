import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { GroupEntity } from '../groups/group.entity.js';

export const USER_TYPES = ['internal', 'external', 'service_account', 'internal_service_account'] as const;
export type UserType = (typeof USER_TYPES)[number];

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'uuid', unique: true, default: () => 'gen_random_uuid()' })
  uuid!: string;

  @Column({ type: 'varchar', length: 150 })
  username!: string;

  @Column({ type: 'text', default: '' })
  name!: string;

  @Column({ type: 'varchar', length: 254, default: '' })
  email!: string;

  @Column({ name: 'is_active', type: 'boolean', default: true })
  isActive!: boolean;

  @Column({ type: 'varchar', length: 32, default: 'internal' })
  type!: UserType;

  @Column({ type: 'text', default: 'users' })
  path!: string;

  @Column({ type: 'jsonb', default: {} })
  attributes!: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  password!: string | null;

  @Column({ name: 'password_change_date', type: 'timestamptz', nullable: true })
  passwordChangeDate!: Date | null;

  @Column({ name: 'last_login', type: 'timestamptz', nullable: true })
  lastLogin!: Date | null;

  @Column({ name: 'date_joined', type: 'timestamptz', default: () => 'now()' })
  dateJoined!: Date;

  @Column({ name: 'last_updated', type: 'timestamptz', default: () => 'now()' })
  lastUpdated!: Date;

  @ManyToMany(() => GroupEntity, (group) => group.members)
  @JoinTable({ name: 'group_members', joinColumn: { name: 'user_id' }, inverseJoinColumn: { name: 'group_id' } })
  groups?: Relation<GroupEntity>[];
}
