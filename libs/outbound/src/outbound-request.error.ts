/** Why an outbound request failed before a response could be returned. */
export type OutboundFailureReason = 'denied' | 'timeout' | 'too_large' | 'network' | 'scheme';

/** Thrown by `OutboundClient.request` when no complete response was received; `reason` says why. */
export class OutboundRequestError extends Error {
  constructor(
    readonly reason: OutboundFailureReason,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'OutboundRequestError';
  }
}
