import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What every property mapping shares; scope, SAML and LDAP mappings specialise it. */
@Entity({ name: 'property_mappings' })
export class PropertyMappingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'varchar', length: 64 })
  type!: string;

  @Column({ type: 'text', default: '' })
  expression!: string;

  @Column({ type: 'text', nullable: true })
  managed!: string | null;
}
