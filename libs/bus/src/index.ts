export * from './bus.js';
export * from './subject.js';
export * from './redelivery.policy.js';
export * from './in-process.bus.js';
export * from './nats.bus.js';
export * from './offline.bus.js';
export * from './create-bus.js';
