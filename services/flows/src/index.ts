export { flowsService } from './flows.service.js';
export { FlowsModule, flowsApiModule } from './flows.module.js';
