import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { ProtoGrpcType as IdentityProto } from './generated/identity.js';
import type { ProtoGrpcType as FlowConfigProto } from './generated/flow_config.js';
import type { ProtoGrpcType as EventsProto } from './generated/events.js';
import type { ProtoGrpcType as FlowsProto } from './generated/flows.js';
import type { ProtoGrpcType as HealthProto } from './generated/health.js';
import type { ProtoGrpcType as OAuth2ConfigProto } from './generated/oauth2_config.js';
import type { ProtoGrpcType as OAuth2DeviceProto } from './generated/device.js';
import type { ProtoGrpcType as NotificationConfigProto } from './generated/notification_config.js';
import type { ProtoGrpcType as NotificationsProto } from './generated/notifications.js';

/**
 * The options the types were generated with (GENERATOR_OPTIONS in scripts/proto-gen.mjs);
 * the generated types only describe what the loader produces when both agree.
 */
const LOADER_OPTIONS: protoLoader.Options = { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true };

/** A file only the repository's contract folder has, so an unrelated `proto/` is never taken. */
const MARKER = join('authmesh', 'core', 'v1', 'identity.proto');
const MAX_LEVELS_UP = 6;

/**
 * The repository's proto/ folder, found by walking up from this file. The .proto files are
 * read at run time and never copied, so there is one source of truth; walking up works from
 * libs/rpc/src (Jest), libs/rpc/dist (node) and the container image, which keeps the
 * repository layout.
 */
export function protoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let level = 0; level <= MAX_LEVELS_UP; level++) {
    const candidate = join(dir, 'proto');
    if (existsSync(join(candidate, MARKER))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`authmesh proto files not found above ${dirname(fileURLToPath(import.meta.url))}`);
}

/** Every gRPC package of the mesh, typed by the generated `ProtoGrpcType`s. */
export interface LoadedProtos {
  identity: IdentityProto;
  flowConfig: FlowConfigProto;
  events: EventsProto;
  flows: FlowsProto;
  health: HealthProto;
  oauth2Config: OAuth2ConfigProto;
  oauth2Device: OAuth2DeviceProto;
  notificationConfig: NotificationConfigProto;
  notifications: NotificationsProto;
}

let loaded: LoadedProtos | undefined;

/** Loads every contract once per process and returns the typed packages. */
export function loadProtos(): LoadedProtos {
  if (loaded) return loaded;
  const root = protoRoot();
  // The loader returns an untyped package tree; the generated types describe its shape exactly.
  const load = <T>(file: string): T =>
    grpc.loadPackageDefinition(protoLoader.loadSync(file, { ...LOADER_OPTIONS, includeDirs: [root] })) as unknown as T;
  loaded = {
    identity: load<IdentityProto>('authmesh/core/v1/identity.proto'),
    flowConfig: load<FlowConfigProto>('authmesh/core/v1/flow_config.proto'),
    events: load<EventsProto>('authmesh/events/v1/events.proto'),
    flows: load<FlowsProto>('authmesh/flows/v1/flows.proto'),
    health: load<HealthProto>('grpc/health/v1/health.proto'),
    oauth2Config: load<OAuth2ConfigProto>('authmesh/core/v1/oauth2_config.proto'),
    oauth2Device: load<OAuth2DeviceProto>('authmesh/oauth2/v1/device.proto'),
    notificationConfig: load<NotificationConfigProto>('authmesh/core/v1/notification_config.proto'),
    notifications: load<NotificationsProto>('authmesh/events/v1/notifications.proto'),
  };
  return loaded;
}
