export * from './errors.js';
export * from './service-definition.js';
export * from './service-addresses.js';
export * from './mesh-key.js';
export * from './client-ip.js';
export * from './readiness-probe.js';
