import * as grpc from '@grpc/grpc-js';
import { loadProtos } from './proto-loader.js';
import { MESH_AUTH_METADATA } from './grpc-host.js';
import { RpcCallError } from './rpc-errors.js';
import type { IdentityServiceClient } from './generated/authmesh/core/v1/IdentityService.js';
import type { GetUserRequest } from './generated/authmesh/core/v1/GetUserRequest.js';
import type { User__Output } from './generated/authmesh/core/v1/User.js';
import type { ListGroupsRequest } from './generated/authmesh/core/v1/ListGroupsRequest.js';
import type { ListGroupsResponse__Output } from './generated/authmesh/core/v1/ListGroupsResponse.js';
import type { Group__Output } from './generated/authmesh/core/v1/Group.js';
import type { VerifyPasswordRequest } from './generated/authmesh/core/v1/VerifyPasswordRequest.js';
import type { VerifyPasswordResponse__Output } from './generated/authmesh/core/v1/VerifyPasswordResponse.js';
import type { CheckTokenRequest } from './generated/authmesh/core/v1/CheckTokenRequest.js';
import type { CheckTokenResponse__Output } from './generated/authmesh/core/v1/CheckTokenResponse.js';
import type { EventServiceClient } from './generated/authmesh/events/v1/EventService.js';
import type { Event } from './generated/authmesh/events/v1/Event.js';
import type { CreateEventResponse__Output } from './generated/authmesh/events/v1/CreateEventResponse.js';
import type { FlowServiceClient } from './generated/authmesh/flows/v1/FlowService.js';
import type { FlowStatus__Output } from './generated/authmesh/flows/v1/FlowStatus.js';
import type { HealthClient } from './generated/grpc/health/v1/Health.js';
import type { HealthCheckResponse__Output } from './generated/grpc/health/v1/HealthCheckResponse.js';

type UnaryMethod<Req, Res> = (
  argument: Req,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  callback: grpc.requestCallback<Res>,
) => grpc.ClientUnaryCall;

/** Default deadline of a call between services. */
const DEFAULT_DEADLINE_MS = 5000;

/** Shared plumbing of the typed clients: credentials, mesh key, deadlines, errors. */
abstract class MeshClient<C extends grpc.Client> {
  protected constructor(
    protected readonly client: C,
    private readonly meshKey: string,
  ) {}

  protected call<Req, Res>(name: string, method: UnaryMethod<Req, Res>, request: Req, deadlineMs = DEFAULT_DEADLINE_MS): Promise<Res> {
    const metadata = new grpc.Metadata();
    metadata.set(MESH_AUTH_METADATA, `Mesh ${this.meshKey}`);
    return new Promise((resolve, reject) => {
      method(request, metadata, { deadline: Date.now() + deadlineMs }, (error, response) => {
        if (error) reject(new RpcCallError(name, error.code ?? grpc.status.UNKNOWN, error.details ?? error.message));
        else if (response === undefined) reject(new RpcCallError(name, grpc.status.INTERNAL, 'empty response'));
        else resolve(response);
      });
    });
  }

  close(): void {
    this.client.close();
  }
}

/** Core's identity lookups. */
export class IdentityClient extends MeshClient<IdentityServiceClient> {
  constructor(address: string, meshKey: string) {
    super(new (loadProtos().identity.authmesh.core.v1.IdentityService)(address, grpc.credentials.createInsecure()), meshKey);
  }
  getUser(request: GetUserRequest): Promise<User__Output> {
    return this.call('GetUser', (r, m, o, cb) => this.client.GetUser(r, m, o, cb), request);
  }
  listGroups(request: ListGroupsRequest): Promise<ListGroupsResponse__Output> {
    return this.call('ListGroups', (r, m, o, cb) => this.client.ListGroups(r, m, o, cb), request);
  }
  getGroup(pk: string): Promise<Group__Output> {
    return this.call('GetGroup', (r, m, o, cb) => this.client.GetGroup(r, m, o, cb), { pk });
  }
  verifyPassword(request: VerifyPasswordRequest): Promise<VerifyPasswordResponse__Output> {
    return this.call('VerifyPassword', (r, m, o, cb) => this.client.VerifyPassword(r, m, o, cb), request);
  }
  checkToken(request: CheckTokenRequest): Promise<CheckTokenResponse__Output> {
    return this.call('CheckToken', (r, m, o, cb) => this.client.CheckToken(r, m, o, cb), request);
  }
}

/** The event log's RPC. */
export class EventClient extends MeshClient<EventServiceClient> {
  constructor(address: string, meshKey: string) {
    super(new (loadProtos().events.authmesh.events.v1.EventService)(address, grpc.credentials.createInsecure()), meshKey);
  }
  createEvent(event: Event): Promise<CreateEventResponse__Output> {
    return this.call('CreateEvent', (r, m, o, cb) => this.client.CreateEvent(r, m, o, cb), event);
  }
}

/** The flow executor's RPC. */
export class FlowClient extends MeshClient<FlowServiceClient> {
  constructor(address: string, meshKey: string) {
    super(new (loadProtos().flows.authmesh.flows.v1.FlowService)(address, grpc.credentials.createInsecure()), meshKey);
  }
  getStatus(): Promise<FlowStatus__Output> {
    return this.call('GetStatus', (r, m, o, cb) => this.client.GetStatus(r, m, o, cb), {});
  }
}

/** The standard health check of any authmesh gRPC server (no mesh key needed). */
export class HealthCheckClient extends MeshClient<HealthClient> {
  constructor(address: string) {
    super(new (loadProtos().health.grpc.health.v1.Health)(address, grpc.credentials.createInsecure()), '');
  }
  check(service = '', deadlineMs = 2000): Promise<HealthCheckResponse__Output> {
    return this.call('Check', (r, m, o, cb) => this.client.Check(r, m, o, cb), { service }, deadlineMs);
  }
}
