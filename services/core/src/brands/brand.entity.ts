import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const BRAND_FLOW_FIELDS = [
  'flow_authentication',
  'flow_invalidation',
  'flow_recovery',
  'flow_unenrollment',
  'flow_user_settings',
  'flow_device_code',
] as const;

@Entity({ name: 'brands' })
export class BrandEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  domain!: string;

  @Column({ name: 'default', type: 'boolean', default: false })
  isDefault!: boolean;

  @Column({ name: 'branding_title', type: 'text' })
  brandingTitle!: string;

  @Column({ name: 'branding_logo', type: 'text' })
  brandingLogo!: string;

  @Column({ name: 'branding_favicon', type: 'text' })
  brandingFavicon!: string;

  @Column({ name: 'flow_authentication', type: 'uuid', nullable: true })
  flowAuthentication!: string | null;

  @Column({ name: 'flow_invalidation', type: 'uuid', nullable: true })
  flowInvalidation!: string | null;

  @Column({ name: 'flow_recovery', type: 'uuid', nullable: true })
  flowRecovery!: string | null;

  @Column({ name: 'flow_unenrollment', type: 'uuid', nullable: true })
  flowUnenrollment!: string | null;

  @Column({ name: 'flow_user_settings', type: 'uuid', nullable: true })
  flowUserSettings!: string | null;

  @Column({ name: 'flow_device_code', type: 'uuid', nullable: true })
  flowDeviceCode!: string | null;

  @Column({ name: 'event_retention', type: 'text' })
  eventRetention!: string;

  @Column({ name: 'web_certificate_id', type: 'uuid', nullable: true })
  webCertificateId!: string | null;

  @Column({ type: 'jsonb', default: {} })
  attributes!: Record<string, unknown>;
}
