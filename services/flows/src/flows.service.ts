import { loadProtos, unary, type FlowStatus } from '@authmesh/rpc';
import type { ServiceDefinition } from '@authmesh/runtime';

export const FLOW_SERVICE_NAME = 'authmesh.flows.v1.FlowService';

/**
 * The flow executor runtime. The flow engine itself arrives with its own issue; for now the
 * service joins the mesh: it answers gRPC, reports health and follows the bus.
 */
export const flowsService: ServiceDefinition = {
  name: 'flows',

  async start(ctx) {
    const logger = ctx.logger.child({ service: 'flows' });
    ctx.grpc.add(loadProtos().flows.authmesh.flows.v1.FlowService.service, {
      GetStatus: unary(logger, async (): Promise<FlowStatus> => ({ version: ctx.version, ready: ctx.bus.isHealthy() })),
    });
    return {
      name: 'flows',
      async readiness() {
        const bus = ctx.bus.isHealthy();
        return { ready: bus, checks: { bus } };
      },
      async stop() {
        ctx.grpc.setStatus(FLOW_SERVICE_NAME, 'NOT_SERVING');
      },
    };
  },
};
