/** Scenario 11 alone: two built API processes share a burst of 10 000 messages; one is killed mid-burst. */
const integration = require('./jest.integration.config.cjs');

module.exports = {
  ...integration,
  displayName: 'api:process-kill',
  testMatch: ['<rootDir>/test/engine-processes.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  reporters: [
    'default',
    [require.resolve('../../scripts/testing/summary-reporter.cjs'), { name: 'api-process-kill' }],
  ],
};
