import type { AdminItem } from '../kit/area';
import { propertyMappingResource } from '../providers/property-mappings';
import { blueprintResource } from '../system/blueprints';

/** Property mappings and blueprints, appended to the "Customisation" section. */
export const mappingItems: AdminItem[] = [{ resource: propertyMappingResource }, { resource: blueprintResource }];
