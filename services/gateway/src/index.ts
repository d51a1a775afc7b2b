export { gatewayService, createServiceRouter } from './gateway.service.js';
export { ROUTES, matchRoute, type Route } from './route-table.js';
