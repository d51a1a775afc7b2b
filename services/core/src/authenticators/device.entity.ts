import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const DEVICE_TYPES = ['totp', 'static', 'webauthn', 'sms', 'duo'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/** A second factor a user owns. Secrets are sealed; static codes are kept only as digests. */
@Entity({ name: 'authenticator_devices' })
export class DeviceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ type: 'varchar', length: 16 })
  type!: DeviceType;

  @Column({ type: 'text' })
  name!: string;

  /** False until enrollment finished (a first TOTP code, or the codes were shown). */
  @Column({ type: 'boolean', default: false })
  confirmed!: boolean;

  /** The sealed shared secret (TOTP seed). */
  @Column({ name: 'secret_sealed', type: 'text', nullable: true })
  secretSealed!: string | null;

  /** Non-secret settings and state: TOTP digits and period, static code digests, WebAuthn public key. */
  @Column({ type: 'jsonb', default: {} })
  data!: Record<string, unknown>;

  /** The last TOTP time step accepted: a code of this step or earlier is a replay. */
  @Column({ name: 'last_step', type: 'bigint', default: 0 })
  lastStep!: string;

  /** WebAuthn devices: the base64url credential id (unique across all users). */
  @Column({ name: 'credential_id', type: 'text', nullable: true })
  credentialId!: string | null;

  /** WebAuthn devices: the highest signature counter seen (0 for authenticators that keep none). */
  @Column({ name: 'sign_count', type: 'bigint', default: 0 })
  signCount!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  created!: Date;

  @Column({ name: 'last_used', type: 'timestamptz', nullable: true })
  lastUsed!: Date | null;
}
