import { Writable } from 'node:stream';
import { InProcessBus } from '@authmesh/bus';
import { loadConfig } from '@authmesh/config';
import { createLogger, type Logger } from '@authmesh/logger';
import { GrpcHost } from '@authmesh/rpc';
import { deriveMeshKey } from '@authmesh/runtime';
import { createTestDatabase, startServiceForTest, type ServiceUnderTest, type TestDatabase } from '@authmesh/testing';
import { flowsService } from '../src/index.js';
import { CoreStandIn } from './core-stand-in.js';

/** The flows service as its integration specs run it: a fresh database, an in-process bus, core answered by a stand-in. */
export interface FlowsUnderTest {
  logger: Logger;
  core: CoreStandIn;
  db: TestDatabase;
  bus: InProcessBus;
  grpc: GrpcHost;
  flows: ServiceUnderTest;
  /** The mesh key the service and its clients share. */
  meshKey: string;
  stop(): Promise<void>;
}

/** Starts the flows service on a database named `database`, with `secret` as the installation secret. */
export async function startFlowsUnderTest(database: string, secret: string, core = new CoreStandIn()): Promise<FlowsUnderTest> {
  const logger = createLogger({ level: 'fatal', destination: new Writable({ write: (_c, _e, done) => done() }) });
  const meshKey = deriveMeshKey(secret);
  const db = await createTestDatabase(database);
  const bus = new InProcessBus({ logger });
  const coreAddress = await core.start(meshKey, logger);
  const grpc = new GrpcHost({ meshKey, logger });
  const flows = await startServiceForTest(flowsService, {
    config: loadConfig({ env: { DATABASE_URL: db.url, AUTHMESH_SECRET_KEY: secret } }),
    secretKey: secret,
    logger,
    bus,
    grpc,
    grpcAddress: coreAddress,
    databaseUrl: db.url,
  });
  return {
    logger,
    core,
    db,
    bus,
    grpc,
    flows,
    meshKey,
    async stop() {
      await flows.close();
      await grpc.stop(100);
      await core.stop();
      await bus.close();
      await db.drop();
    },
  };
}
