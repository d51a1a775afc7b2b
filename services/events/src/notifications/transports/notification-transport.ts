import type { NotificationTransport__Output, Recipient__Output } from '@authmesh/rpc';
import type { EventRead } from '../../events/event.dto.js';
import type { Severity } from '../notification.dto.js';

/** What is delivered: the same for every transport of a rule match. */
export interface OutgoingNotification {
  severity: Severity;
  body: string;
  created: string;
  /** The event that matched; null for a transport test. */
  event: EventRead | null;
}

/** One delivery: a notification through one transport to one user. */
export interface Delivery {
  transport: NotificationTransport__Output;
  notification: OutgoingNotification;
  recipient: Recipient__Output;
}

/** A delivery that did not happen; the message is shown to admins and recorded in an event, so it holds no secrets. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    /** The event action that records it: `system_exception`, or `property_mapping_exception` for a failing webhook mapping. */
    readonly action: 'system_exception' | 'property_mapping_exception' = 'system_exception',
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** One transport mode's delivery logic; resolves with what happened (for the test action), rejects with DeliveryError. */
export interface TransportRuntime {
  mode: string;
  deliver(delivery: Delivery): Promise<string[]>;
}
