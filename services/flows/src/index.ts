export { flowsService } from './flows.service.js';
