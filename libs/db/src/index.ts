export * from './embedded-database.js';
export * from './wait-for-database.js';
export * from './service-data-source.js';
export * from './service-migrations.js';
export * from './typeorm-pino-logger.js';
export * from './unique-violation.js';
export * from './list-query.js';
