import type { AdminItem } from '../kit/area';
import { sourceResource } from '../sources/source-resource';

/** The Directory section's federation pages: sources users can log in with. */
export const sourceItems: AdminItem[] = [{ resource: sourceResource }];
