/**
 * Processes killed: scenario 11 (two built API processes share a burst of 10 000 messages; one is killed
 * mid-burst) and `npm start` stopped by signals (test/start-stop.spec.ts).
 */
const integration = require('./jest.integration.config.cjs');

module.exports = {
  ...integration,
  displayName: 'api:process-kill',
  testMatch: ['<rootDir>/test/engine-processes.spec.ts', '<rootDir>/test/start-stop.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  reporters: [
    'default',
    [require.resolve('../../scripts/testing/summary-reporter.cjs'), { name: 'api-process-kill' }],
  ],
};
