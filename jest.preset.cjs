/**
 * Shared Jest settings: SWC transform (with decorator metadata for NestJS) and the workspace path
 * aliases, so tests run against the libraries' sources without a build step.
 */
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@clinicflow/rules$': path.join(__dirname, 'libs/rules/src/index.ts'),
    '^@clinicflow/channels$': path.join(__dirname, 'libs/channels/src/index.ts'),
    '^@clinicflow/contract$': path.join(__dirname, 'libs/contract/src/index.ts'),
    '^@clinicflow/pms$': path.join(__dirname, 'libs/pms/src/index.ts'),
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx', '<rootDir>/test/**/*.spec.ts'],
  reporters: ['default', path.join(__dirname, 'scripts/testing/summary-reporter.cjs')],
  coverageReporters: ['text-summary', 'json-summary'],
};
