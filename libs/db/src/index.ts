export * from './embedded-database.js';
export * from './wait-for-database.js';
export * from './service-data-source.js';
