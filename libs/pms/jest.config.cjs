/** Unit tests of a pure library. */
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: require('./package.json').nx.name,
  rootDir: __dirname,
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.spec.ts', '!src/**/index.ts', '!src/testing/**'],
  coverageThreshold: { global: { lines: 90 } },
};
