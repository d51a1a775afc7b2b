import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'certificate_key_pairs' })
export class CertificateKeyPairEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'certificate_data', type: 'text' })
  certificateData!: string;

  /** The private key, sealed with the installation secret; null for certificate-only entries. */
  @Column({ name: 'key_data_sealed', type: 'text', nullable: true })
  keyDataSealed!: string | null;

  @Column({ name: 'fingerprint_sha256', type: 'char', length: 64 })
  fingerprintSha256!: string;

  @Column({ name: 'fingerprint_sha1', type: 'char', length: 40 })
  fingerprintSha1!: string;

  @Column({ name: 'cert_expiry', type: 'timestamptz' })
  certExpiry!: Date;

  @Column({ name: 'cert_subject', type: 'text' })
  certSubject!: string;

  @Column({ name: 'key_type', type: 'varchar', length: 16, nullable: true })
  keyType!: string | null;

  @Column({ type: 'text', nullable: true })
  managed!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  created!: Date;

  @Column({ name: 'last_updated', type: 'timestamptz', default: () => 'now()' })
  lastUpdated!: Date;
}
