import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { PropertyMappingEntity } from './property-mapping.entity.js';

/**
 * What every provider type shares. Each type (oauth2, saml, ldap, radius, proxy, scim)
 * adds its own table keyed by this one when its issue lands.
 */
@Entity({ name: 'providers' })
export class ProviderEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text' })
  name!: string;

  /** The provider type, e.g. `oauth2`, `saml`, `ldap`. */
  @Column({ type: 'varchar', length: 64 })
  type!: string;

  @Column({ name: 'authentication_flow', type: 'uuid', nullable: true })
  authenticationFlow!: string | null;

  @Column({ name: 'authorization_flow', type: 'uuid', nullable: true })
  authorizationFlow!: string | null;

  @ManyToMany(() => PropertyMappingEntity)
  @JoinTable({
    name: 'provider_property_mappings',
    joinColumn: { name: 'provider_id' },
    inverseJoinColumn: { name: 'property_mapping_id' },
  })
  propertyMappings?: Relation<PropertyMappingEntity>[];
}
