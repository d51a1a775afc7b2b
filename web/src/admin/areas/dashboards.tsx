import type { AdminArea } from '../kit/area';
import { Overview } from '../dashboard/overview';
import { UserStatistics } from '../dashboard/user-statistics';

/**
 * The admin's "Dashboards" section. Its first page is what `/if/admin/` opens. System tasks are
 * not listed: no service records background tasks yet, so there is nothing to show.
 */
export const dashboardsArea: AdminArea = {
  section: 'admin.section.dashboards',
  items: [
    { page: { route: '/administration/overview', title: 'admin.dashboard.overview', render: () => <Overview /> } },
    { page: { route: '/administration/dashboard/users', title: 'admin.dashboard.userStatistics', render: () => <UserStatistics /> } },
  ],
};
