// Tests run through @swc/jest in CommonJS mode. Nest 12 and several other dependencies
// ship only ES modules, so node_modules is transformed as well (cached after the first run).
const fs = require('node:fs');
const path = require('node:path');

const swcConfig = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcConfig.$schema;

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj|cj)sx?$': ['@swc/jest', { ...swcConfig, swcrc: false }] },
  transformIgnorePatterns: [],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    // Workspace packages resolve to their sources, so tests never need a build first.
    '^@authmesh/service-([a-z0-9-]+)$': '<rootDir>/services/$1/src/index.ts',
    '^@authmesh/([a-z0-9-]+)$': '<rootDir>/libs/$1/src/index.ts',
    // Our ESM sources import siblings with a .js suffix; Jest resolves the .ts file.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{libs,services,apps}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,services,apps}/**/*.int-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/scripts/jest/timeout-integration.cjs'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
      setupFilesAfterEnv: ['<rootDir>/scripts/jest/timeout-e2e.cjs'],
    },
  ],
};
