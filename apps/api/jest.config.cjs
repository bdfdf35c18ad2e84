/** Every test of the API: the unit tier, the integration tier and scenario 11 (see each configuration). */
module.exports = {
  projects: [
    '<rootDir>/jest.unit.config.cjs',
    '<rootDir>/jest.integration.config.cjs',
    '<rootDir>/jest.process-kill.config.cjs',
  ],
  rootDir: __dirname,
  reporters: ['default', [require.resolve('../../scripts/testing/summary-reporter.cjs'), { name: 'api' }]],
};
