import type { AdminArea } from '../kit/area';
import { applicationsArea } from './applications';
import { customisationArea } from './customisation';
import { mappingItems } from './customisation-mappings';
import { dashboardsArea } from './dashboards';
import { directoryArea } from './directory';
import { sourceItems } from './directory-sources';
import { eventsArea } from './events';
import { flowsArea } from './flows';
import { systemArea } from './system';

/** The admin navigation's sections, in the order the reference product shows them. */
export const ADMIN_AREAS: AdminArea[] = [
  dashboardsArea,
  applicationsArea,
  eventsArea,
  { ...customisationArea, items: [...customisationArea.items, ...mappingItems] },
  flowsArea,
  { ...directoryArea, items: [...directoryArea.items, ...sourceItems] },
  systemArea,
].filter((area) => area.items.length > 0);
