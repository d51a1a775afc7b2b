import type { Logger } from '@authmesh/logger';
import { createServiceDataSource } from '@authmesh/db';
import { ExecutionsReputation1764374400200 } from '../migrations/1764374400200-executions-reputation.js';
import { FlowTokens1764374400201 } from '../migrations/1764374400201-flow-tokens.js';
import { ReputationIdsRecoveryTokens1764374400210 } from '../migrations/1764374400210-reputation-ids-recovery-tokens.js';

/** The DataSource of the `flows` schema (queries are plain SQL in the repositories). */
export function createFlowsDataSource(url: string, logger: Logger) {
  return createServiceDataSource({
    url,
    schema: 'flows',
    entities: [],
    migrations: [ExecutionsReputation1764374400200, FlowTokens1764374400201, ReputationIdsRecoveryTokens1764374400210],
    logger,
  });
}
