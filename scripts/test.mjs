// `npm test`: install what is missing, then every tier in turn, stopping at the first that fails, and close with
// one line of counts. `npm run test:<tier>` runs one tier with only what it needs installed and built:
//   unit          pure logic of every project (libraries, editor components, the API's rules): no database
//   integration   the API against the embedded database (one server, a database per test file)
//   coverage      the integration tier with the API's line coverage measured and its floor (not in `npm test`:
//                 V8's counters nearly double the tier's time on two cores)
//   fuzz          schemathesis over the OpenAPI document against the started product: no server error (fuzz.mjs)
//   process-kill  scenario 11: two built API processes, one killed during a burst of 10 000 messages; npm start
//                 stopped by signals; the chaos run's short form (bench/chaos.mjs --short)
//   e2e           the whole product in Debian's Chromium (Playwright)
// `npm test` also runs lint, the format check, the type-check and the build first.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureChromium } from './testing/ensure-chromium.mjs';
import { ensureDependencies, root } from './workspace/ensure-dependencies.mjs';
import { runCommand } from './workspace/run-command.mjs';

const resultsDir = path.join(root, '.test-results');
const api = path.join(root, 'apps/api');
const nx = (...args) => ['npx', ['nx', 'run-many', ...args, '--output-style=static']];
const jest = (config, ...args) => ['npx', ['jest', '-c', config, ...args], { cwd: api }];

/** What a tier needs before its steps: the database server, the build, the browser. */
const NEEDS = {
  static: [],
  unit: [],
  // the built API too: test/secrets.spec.ts starts `node apps/api/dist/main.js` without a secret
  integration: ['database', 'build'],
  coverage: ['database', 'build'],
  fuzz: ['database', 'build'],
  'process-kill': ['database', 'build'],
  e2e: ['database', 'build', 'chromium'],
};

/** Each tier's steps: [name, command, args, options]. */
const TIERS = {
  static: [
    ['lint', 'npx', ['eslint', '.']],
    ['format', 'npx', ['prettier', '--check', '.']],
    ['type-check', ...nx('-t', 'typecheck')],
    ['database patches (go test)', 'node', ['scripts/database/ferretdb-test.cjs']],
  ],
  unit: [['unit tests', ...nx('-t', 'test:unit')]],
  // Two workers on two cores: the files are independent (a database of their own each).
  integration: [['integration tests', ...jest('jest.integration.config.cjs', '--maxWorkers=2')]],
  // The same with the API's line coverage measured, and its floor (jest.integration.config.cjs): 1 000 s on two
  // cores against 550 s without, so `npm test` leaves it to `npm run test:coverage`.
  coverage: [
    [
      'integration tests with line coverage',
      ...jest('jest.integration.config.cjs', '--maxWorkers=2', '--coverage'),
    ],
  ],
  fuzz: [['fuzzing: schemathesis, not_a_server_error', 'node', ['scripts/fuzz.mjs']]],
  'process-kill': [
    ['scenario 11: a process killed mid-burst', ...jest('jest.process-kill.config.cjs')],
    // The chaos run's short form (npm run chaos: the whole one): the database killed, workers killed, the SMS centre
    // down, a worker drained.
    [
      'chaos (short): the database killed, workers killed, the SMS centre down, a worker drained',
      'node',
      ['bench/chaos.mjs', '--short'],
    ],
  ],
  e2e: [['end-to-end tests', 'npx', ['playwright', 'test'], { cwd: path.join(root, 'e2e') }]],
};
const BUILD = ['build', ...nx('-t', 'build')];
const ALL = ['static', 'unit', 'integration', 'fuzz', 'process-kill', 'e2e'];

function countResults() {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  if (!existsSync(resultsDir)) return totals;
  for (const file of readdirSync(resultsDir)) {
    const report = JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8'));
    // Jest's summary reporter writes the counts; Playwright's JSON reporter has them under `stats`.
    const counts = report.stats
      ? { passed: report.stats.expected, failed: report.stats.unexpected, skipped: report.stats.skipped }
      : report;
    for (const key of Object.keys(totals)) totals[key] += counts[key] ?? 0;
  }
  return totals;
}

async function prepare(needs) {
  await ensureDependencies();
  if (needs.has('chromium')) await ensureChromium();
  if (needs.has('database') && !process.env.MONGODB_URI) {
    // Built here, with its progress shown, rather than silently inside Jest's global set-up.
    const { ensureFerretDB, findOnPath } = createRequire(import.meta.url)('./database/ferretdb-install.cjs');
    if (!findOnPath('mongod')) await ensureFerretDB();
  }
}

/** Runs the steps in order; answers the name of the first that failed, or null. */
async function run(steps) {
  for (const [name, command, args, options] of steps) {
    const stepStarted = Date.now();
    console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
    const code = await runCommand(command, args, { cwd: root, ...options });
    console.log(
      `=== ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${Math.round((Date.now() - stepStarted) / 1000)} s`,
    );
    if (code !== 0) return name;
  }
  return null;
}

async function main() {
  const started = Date.now();
  const asked = process.argv[2] ?? 'all';
  const tiers = asked === 'all' ? ALL : [asked];
  if (!tiers.every((tier) => tier in TIERS)) {
    throw new Error(`Unknown test tier "${asked}": use one of ${Object.keys(TIERS).join(', ')}, or all.`);
  }
  const needs = new Set(tiers.flatMap((tier) => NEEDS[tier]));
  await prepare(needs);
  rmSync(resultsDir, { recursive: true, force: true });
  const steps = tiers.flatMap((tier) => TIERS[tier]);
  // One build for everything that needs it, after the static checks (the type-check already ran).
  if (needs.has('build')) steps.splice(asked === 'all' ? TIERS.static.length : 0, 0, BUILD);
  const failedStep = await run(steps);
  const { passed, failed, skipped } = countResults();
  console.log(
    `\nnpm test${asked === 'all' ? '' : ` (${asked})`} ${failedStep ? `failed at: ${failedStep}` : 'passed'} in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failedStep || failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
