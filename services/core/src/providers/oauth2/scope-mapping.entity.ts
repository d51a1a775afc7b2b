import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { PropertyMappingEntity } from '../property-mapping.entity.js';

/** A scope mapping: the `property_mappings` row (name, expression) plus the scope it answers. */
@Entity({ name: 'scope_mappings' })
export class ScopeMappingEntity {
  @PrimaryColumn({ name: 'property_mapping_id', type: 'uuid' })
  propertyMappingId!: string;

  @OneToOne(() => PropertyMappingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'property_mapping_id' })
  mapping!: Relation<PropertyMappingEntity>;

  @Column({ name: 'scope_name', type: 'text' })
  scopeName!: string;

  @Column({ type: 'text', default: '' })
  description!: string;
}
