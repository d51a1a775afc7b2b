import type { Logger } from '@authmesh/logger';
import {
  GrpcStatus,
  loadProtos,
  RpcCallError,
  unary,
  type GrpcHost,
  type IdentityClient,
  type NotificationConfigClient,
  type TestTransportRequest__Output,
  type TestTransportResponse,
} from '@authmesh/rpc';
import { NotFoundError, UnavailableError, ValidationFailedError } from '@authmesh/runtime';
import type { NotificationDispatcher } from './notification-dispatcher.js';
import { DeliveryError } from './transports/notification-transport.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The body of a test notification. */
export const TEST_NOTIFICATION_BODY = 'This is a test notification from authmesh.';

/** Registers NotificationService: the transport test action core's admin API offers. */
export function registerNotificationRpc(
  host: GrpcHost,
  deps: {
    dispatcher: NotificationDispatcher;
    config: Pick<NotificationConfigClient, 'getNotificationTransport'>;
    identity: Pick<IdentityClient, 'getUser'>;
  },
  logger: Logger,
): void {
  host.add(loadProtos().notifications.authmesh.events.v1.NotificationService.service, {
    TestTransport: unary(logger, (request: TestTransportRequest__Output) => testTransport(deps, request)),
  });
}

/** Sends a test notification through one transport to one user; NOT_FOUND for unknown ones, UNAVAILABLE when delivery fails. */
export async function testTransport(
  deps: {
    dispatcher: NotificationDispatcher;
    config: Pick<NotificationConfigClient, 'getNotificationTransport'>;
    identity: Pick<IdentityClient, 'getUser'>;
  },
  request: TestTransportRequest__Output,
): Promise<TestTransportResponse> {
  if (!UUID.test(request.transport_pk)) throw ValidationFailedError.field('transport_pk', 'not a UUID');
  if (!/^\d{1,18}$/.test(request.user_pk)) throw ValidationFailedError.field('user_pk', 'not a user primary key');
  const transport = await deps.config.getNotificationTransport(request.transport_pk).catch(notFoundAs('transport not found'));
  const user = await deps.identity.getUser({ pk: request.user_pk }).catch(notFoundAs('user not found'));
  try {
    const messages = await deps.dispatcher.deliver(
      transport,
      { severity: 'notice', body: TEST_NOTIFICATION_BODY, created: new Date().toISOString(), event: null },
      { pk: user.pk, username: user.username, name: user.name, email: user.email },
    );
    return { messages };
  } catch (error) {
    throw new UnavailableError(error instanceof DeliveryError ? error.message : 'delivery failed');
  }
}

function notFoundAs(message: string) {
  return (error: unknown): never => {
    if (error instanceof RpcCallError && error.status === GrpcStatus.NOT_FOUND) throw new NotFoundError(message);
    throw error;
  };
}
