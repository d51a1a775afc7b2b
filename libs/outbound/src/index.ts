export * from './ip-address.js';
export * from './cidr-range.js';
export * from './outbound-request.error.js';
export * from './outbound.client.js';
