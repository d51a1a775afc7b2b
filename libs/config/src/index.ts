export * from './config.schema.js';
export * from './config.loader.js';
export * from './secret-key.js';
export * from './blueprint-environment.js';
