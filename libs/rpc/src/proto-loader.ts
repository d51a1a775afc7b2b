import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { ProtoGrpcType as IdentityProto } from './generated/identity.js';
import type { ProtoGrpcType as EventsProto } from './generated/events.js';
import type { ProtoGrpcType as FlowsProto } from './generated/flows.js';
import type { ProtoGrpcType as HealthProto } from './generated/health.js';

/** Options matching the ones the types were generated with (scripts/proto-gen.mjs). */
const LOADER_OPTIONS: protoLoader.Options = { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true };

/**
 * The repository's proto/ folder. This file runs from libs/rpc/src (tests) or
 * libs/rpc/dist (built), both three levels below the root.
 */
export function protoRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidate = join(here, '..', '..', '..', 'proto');
  if (!existsSync(candidate)) throw new Error(`proto files not found at ${candidate}`);
  return candidate;
}

export interface LoadedProtos {
  identity: IdentityProto;
  events: EventsProto;
  flows: FlowsProto;
  health: HealthProto;
}

let loaded: LoadedProtos | undefined;

/** Loads every contract once per process. */
export function loadProtos(): LoadedProtos {
  if (loaded) return loaded;
  const root = protoRoot();
  const load = <T>(file: string) =>
    grpc.loadPackageDefinition(protoLoader.loadSync(file, { ...LOADER_OPTIONS, includeDirs: [root] })) as unknown as T;
  loaded = {
    identity: load<IdentityProto>('authmesh/core/v1/identity.proto'),
    events: load<EventsProto>('authmesh/events/v1/events.proto'),
    flows: load<FlowsProto>('authmesh/flows/v1/flows.proto'),
    health: load<HealthProto>('grpc/health/v1/health.proto'),
  };
  return loaded;
}
