/**
 * Integration tests of the API (test/**\/*.spec.ts): the real application against the embedded database,
 * one server for the run and a database of its own per file. Scenario 11 (a process killed during a burst of
 * 10 000 messages) has a configuration of its own: it takes minutes (jest.process-kill.config.cjs).
 */

module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'api:integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', 'engine-processes\\.spec\\.ts$', 'start-stop\\.spec\\.ts$'],
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  testTimeout: 30_000,
  // With --coverage (`npm run test:coverage`): what the tests run of the API's code, measured by V8 itself (no
  // instrumentation, but its block counters slow every line: 1 000 s against 550 s on two cores), with a floor:
  // fewer than 85 % of the lines run fails the tier. The figures go to coverage/ (the summary is printed).
  coverageProvider: 'v8',
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.spec.ts'],
  coverageDirectory: '<rootDir>/coverage',
  coverageReporters: ['text-summary', 'json-summary'],
  coverageThreshold: { global: { lines: 85 } },
  reporters: [
    'default',
    [require.resolve('../../scripts/testing/summary-reporter.cjs'), { name: 'api-integration' }],
  ],
};
