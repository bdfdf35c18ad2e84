// `npm test`: install what is missing, then lint, type-check, the build, every project's Jest tests, and the
// Playwright end-to-end tests; stops at the first failing step and closes with one line of counts.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureChromium } from './testing/ensure-chromium.mjs';
import { ensureDependencies, root } from './workspace/ensure-dependencies.mjs';
import { runCommand } from './workspace/run-command.mjs';

const resultsDir = path.join(root, '.test-results');
const nx = (...args) => ['npx', ['nx', 'run-many', ...args, '--output-style=static']];
const steps = [
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['type-check', ...nx('-t', 'typecheck')],
  // The build comes first: the multi-process engine tests start the built API (apps/api/dist/main.js).
  ['build', ...nx('-t', 'build')],
  ['unit and integration tests', ...nx('-t', 'test')],
  ['end-to-end tests', 'npx', ['playwright', 'test'], { cwd: path.join(root, 'e2e') }],
];

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

async function main() {
  const started = Date.now();
  await ensureDependencies();
  await ensureChromium();
  if (!process.env.MONGODB_URI) {
    // Built here, with its progress shown, rather than silently inside Jest's global set-up.
    const { ensureFerretDB, findOnPath } = createRequire(import.meta.url)('./database/ferretdb-install.cjs');
    if (!findOnPath('mongod')) await ensureFerretDB();
  }
  rmSync(resultsDir, { recursive: true, force: true });
  let failedStep;
  for (const [name, command, args, options] of steps) {
    const stepStarted = Date.now();
    console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
    const code = await runCommand(command, args, { cwd: root, ...options });
    console.log(
      `=== ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${Math.round((Date.now() - stepStarted) / 1000)} s`,
    );
    if (code !== 0) {
      failedStep = name;
      break;
    }
  }
  const { passed, failed, skipped } = countResults();
  console.log(
    `\nnpm test ${failedStep ? `failed at: ${failedStep}` : 'passed'} in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failedStep || failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
