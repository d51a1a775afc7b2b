export * from './duo-client.js';
export * from './duo-stage-clients.js';
