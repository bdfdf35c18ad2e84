// A Jest reporter that writes the run's counts to .test-results/jest-<name>.json, so `npm test` can close with
// one line counting every test of every project (scripts/test.mjs). `name` defaults to the project's folder.
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig, options = {}) {
    this.name = options.name ?? path.basename(globalConfig.rootDir);
  }

  onRunComplete(_contexts, results) {
    const dir = path.resolve(__dirname, '../../.test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, `jest-${this.name}.json`),
      JSON.stringify({
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
      }),
    );
  }
}

module.exports = SummaryReporter;
