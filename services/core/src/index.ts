export { coreService } from './core.service.js';
export { CoreModule } from './core.module.js';
export { coreApiModule } from './core.module.js';
export { openCoreCommands, type CoreCommands } from './core-commands.js';
