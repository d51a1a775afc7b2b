export * from './blueprint-error.js';
export * from './blueprint-parser.js';
export * from './blueprint-models.js';
export * from './blueprint-engine.js';
export * from './env-allow-list.js';
export * from './tags.js';
export * from './blueprint-schema.js';
