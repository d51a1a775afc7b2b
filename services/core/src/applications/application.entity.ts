import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ProviderEntity } from '../providers/provider.entity.js';

@Entity({ name: 'applications' })
export class ApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'varchar', length: 50 })
  slug!: string;

  @Column({ name: 'group', type: 'text', default: '' })
  group!: string;

  @Column({ name: 'provider_id', type: 'integer', nullable: true })
  providerId!: number | null;

  @ManyToOne(() => ProviderEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'provider_id' })
  provider?: Relation<ProviderEntity> | null;

  @Column({ name: 'meta_launch_url', type: 'text', default: '' })
  metaLaunchUrl!: string;

  @Column({ name: 'meta_icon', type: 'text', default: '' })
  metaIcon!: string;

  @Column({ name: 'meta_description', type: 'text', default: '' })
  metaDescription!: string;

  @Column({ name: 'meta_publisher', type: 'text', default: '' })
  metaPublisher!: string;

  @Column({ name: 'open_in_new_tab', type: 'boolean', default: false })
  openInNewTab!: boolean;

  @Column({ name: 'policy_engine_mode', type: 'varchar', length: 8, default: 'any' })
  policyEngineMode!: 'any' | 'all';
}
