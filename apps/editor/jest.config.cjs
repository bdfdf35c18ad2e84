/** Component tests of the editor in jsdom with Testing Library. */
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'editor',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  // Typing into Mantine inputs under jsdom is slow on a busy machine (npm test runs the editor's two workers beside
  // the other projects' tests): the longest test takes 17 s alone. The limit is there to stop a hung test.
  testTimeout: 60_000,
  setupFilesAfterEnv: ['<rootDir>/src/test/setup-tests.ts'],
  // TanStack Table 9 and its store ship only ES modules: SWC turns them into CommonJS like our sources
  transformIgnorePatterns: ['/node_modules/(?!@tanstack/(react-table|table-core|react-store|store)/)'],
  moduleNameMapper: {
    ...require('../../jest.preset.cjs').moduleNameMapper,
    '\\.css$': 'identity-obj-proxy',
    '^@clinicflow/channels/browser$': require('node:path').join(
      __dirname,
      '../../libs/channels/src/browser.ts',
    ),
  },
};
