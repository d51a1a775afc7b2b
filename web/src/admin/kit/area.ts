import type { ReactNode } from 'react';
import type { MessageKey } from '../../shared/i18n/locales';
import type { HashRoute } from '../../shared/router';
import type { Resource } from './resource';

/** A page that is not a plain list of objects (the dashboard, the event log, a flow's diagram). */
export interface AdminPage {
  /** The route, with `:name` segments (`/events/log/:id`). */
  route: string;
  title: MessageKey;
  /** Left out of the navigation (detail pages). */
  hidden?: boolean;
  render(params: Record<string, string>, route: HashRoute): ReactNode;
}

/** One entry of an area: a kind of object (list and detail pages) or a page of its own. */
export type AdminItem = { resource: Resource } | { page: AdminPage };

/** A section of the admin navigation ("Applications", "Flows and Stages", ...) and its pages. */
export interface AdminArea {
  section: MessageKey;
  items: AdminItem[];
}
