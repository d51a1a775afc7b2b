import type { Logger } from '@authmesh/logger';
import type { PrincipalResolver } from '@authmesh/http';
import type { FlowConfigClient } from '@authmesh/rpc';
import type { DeviceEntry } from './executor/device-entry.js';
import type { FlowExecutor } from './executor/flow-executor.js';
import type { ReputationService } from './reputation/reputation.service.js';
import type { StageServices } from './stages/stage-services.js';

/** Runtime values the flows service's Nest module is built with. */
export interface FlowsOptions {
  logger: Logger;
  executor: FlowExecutor;
  config: FlowConfigClient;
  device: DeviceEntry;
  principals: PrincipalResolver;
  reputation: ReputationService;
  /** Records an event caused through the API (resetting a reputation score). */
  emitEvent: StageServices['emitEvent'];
}
