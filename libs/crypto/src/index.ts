export * from './password.hasher.js';
export * from './secret-box.js';
export * from './tokens.js';
export * from './certificates.js';
