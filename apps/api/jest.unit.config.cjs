/** Unit tests of the API: pure logic next to the code (src/**\/*.spec.ts), no database, no Nest application. */
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'api:unit',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  reporters: [
    'default',
    [require.resolve('../../scripts/testing/summary-reporter.cjs'), { name: 'api-unit' }],
  ],
};
