export * from './test-database.js';
export * from './wait-until.js';
export * from './free-port.js';
export * from './service-under-test.js';
export * from './smtp-test-server.js';
export * from './flow-browser.js';
export * from './soft-authenticator.js';
export * from './duo-standin.js';
