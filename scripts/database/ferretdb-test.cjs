// Tests clinicflow's FerretDB patches, as maintained code (docs/database.md):
//   1. the patch application (./ferretdb-patches.test.mjs, node:test): a hunk whose upstream text moved is
//      named in the error, an ambiguous or twice-applied hunk is refused;
//   2. a patched copy of FerretDB's source is prepared the way the install prepares it (preparePatchedSource,
//      with the patch code's `_test.go` files) in .tools/src/ferretdb-<version>-test; every hunk must apply;
//   3. `go build ./cmd/ferretdb` of that copy, so that every patched file compiles (cached after the first run);
//   4. `go test` of the packages holding the patch code (their upstream tests too, which the patches must
//      not break), with a summary per package and the output of each failing test.
// Needs only Go and the Go module proxy (GOFLAGS as the install sets them). Exits non-zero on any failure.
//   node scripts/database/ferretdb-test.cjs            all of it
//   node scripts/database/ferretdb-test.cjs --patch    only the clinicflow tests of the Go packages (-run Clinicflow)
// The patched copy stays after a run (to read a failure in place); the next run replaces it.
const { spawn } = require('node:child_process');
const { mkdirSync } = require('node:fs');
const { devNull } = require('node:os');
const path = require('node:path');
const {
  FERRETDB_VERSION,
  toolsDir,
  findOnPath,
  goEnvironment,
  preparePatchedSource,
  withLock,
} = require('./ferretdb-install.cjs');
const {
  CHANGED_UPSTREAM_TESTS,
  PATCH_LEVEL,
  PATCH_PACKAGES,
  PatchError,
  VENDORED_MODULES,
} = require('./ferretdb-patches/patches.cjs');

const testSource = path.join(toolsDir, 'src', `ferretdb-${FERRETDB_VERSION}-test`);
const seconds = (started) => `${((Date.now() - started) / 1000).toFixed(1)} s`;

/** Runs a command; resolves to its exit code. `onLine` gets stdout's lines (else stdout is shown). */
function run(command, args, { cwd, env, onLine }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ['ignore', onLine ? 'pipe' : 'inherit', 'inherit'],
    });
    if (onLine) {
      let rest = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop();
        lines.forEach(onLine);
      });
      child.stdout.on('end', () => rest && onLine(rest));
    }
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Reads `go test -json` events into per-package results: top-level tests passed and failed, their output. */
function goTestReader(log) {
  const packages = new Map();
  const packageOf = (name) => {
    if (!packages.has(name))
      packages.set(name, {
        name,
        passed: 0,
        clinicflow: 0,
        failed: [],
        skipped: 0,
        running: new Set(), // started, not finished: the test binary stopped (a panic) during them
        output: new Map(),
      });
    return packages.get(name);
  };
  const onLine = (line) => {
    let event;
    try {
      event = JSON.parse(line);
    } catch {
      log(line); // not an event: the compiler's or go's own message
      return;
    }
    if (event.Action === 'build-output') return log(event.Output.trimEnd());
    if (!event.Package) return;
    const pkg = packageOf(event.Package);
    if (event.Action === 'output') {
      const key = event.Test ?? '';
      pkg.output.set(key, (pkg.output.get(key) ?? '') + event.Output);
      return;
    }
    if (['pass', 'fail', 'skip'].includes(event.Action) && !event.Test) {
      pkg.result = event.Action;
      pkg.elapsed = event.Elapsed;
      return;
    }
    if (!event.Test || event.Test.includes('/')) return; // subtests count in their test
    if (event.Action === 'run') pkg.running.add(event.Test);
    if (['pass', 'fail', 'skip'].includes(event.Action)) pkg.running.delete(event.Test);
    if (event.Action === 'pass') {
      pkg.passed++;
      if (event.Test.startsWith('TestClinicflow')) pkg.clinicflow++;
    } else if (event.Action === 'skip') pkg.skipped++;
    else if (event.Action === 'fail') pkg.failed.push(event.Test);
  };
  return { packages, onLine };
}

/** The lines of a failing test's output worth reading: its own and its failing subtests'. */
function failureOutput(pkg, test) {
  return [...pkg.output.entries()]
    .filter(([name]) => name === test || name.startsWith(`${test}/`))
    .map(([, text]) => text)
    .join('')
    .split('\n')
    .filter((line) => line.trim() && !/^\s*=== (RUN|PAUSE|CONT|NAME)|--- PASS|\sDEBUG\t/.test(line))
    .slice(0, 80)
    .map((line) => `      ${line.length > 300 ? `${line.slice(0, 300)}…` : line}`)
    .join('\n');
}

/**
 * Runs the patch tests (see the header) and resolves to `{ ok, steps }`; logs a summary line per step and
 * the output of what failed. `onlyPatchTests` runs only the clinicflow tests of the Go packages.
 */
async function testFerretDBPatches({ env = process.env, log = console.log, onlyPatchTests = false } = {}) {
  const steps = [];
  const step = (name, ok, detail) => {
    steps.push({ name, ok, detail });
    log(`${ok ? 'ok  ' : 'FAIL'}  ${name}: ${detail}`);
    return ok;
  };
  const started = Date.now();
  log(`FerretDB ${FERRETDB_VERSION} patch tests (patch level ${PATCH_LEVEL})`);

  const t = Date.now();
  const applicationTests = path.join(__dirname, 'ferretdb-patches.test.mjs');
  const nodeCode = await run(process.execPath, ['--test', '--test-reporter=dot', applicationTests], {
    cwd: path.resolve(__dirname, '../..'),
    env,
  });
  step('patch application (node --test)', nodeCode === 0, `exit ${nodeCode}, ${seconds(t)}`);

  const go = findOnPath('go', env);
  if (go) await goTests({ go, env, log, step, onlyPatchTests });
  else if (env.MONGODB_URI || findOnPath('mongod', env))
    step('go test', true, 'skipped: no Go, and the tests run on MONGODB_URI or mongod, not FerretDB');
  else step('go test', false, 'no Go: install Go 1.22 or newer (Debian: apt-get install golang)');

  const ok = steps.every((s) => s.ok);
  log(`FerretDB patch tests ${ok ? 'passed' : 'FAILED'} in ${seconds(started)}`);
  return { ok, steps };
}

/** Steps 2 to 4: the patched copy, its build, its Go tests. */
async function goTests({ go, env, log, step, onlyPatchTests }) {
  const goEnv = goEnvironment(env);
  let t;
  mkdirSync(toolsDir, { recursive: true });
  await withLock(path.join(toolsDir, 'ferretdb-test.lock'), async () => {
    t = Date.now();
    try {
      preparePatchedSource({ go, env, destination: testSource, withTests: true });
    } catch (error) {
      if (!(error instanceof PatchError)) throw error;
      log(error.message);
      return step('patched source', false, `hunk ${error.hunk ?? '(none)'} does not apply`);
    }
    // FerretDB's testutil looks for the repository's root (a .git) above the working directory.
    mkdirSync(path.join(testSource, '.git'), { recursive: true });
    step('patched source', true, `${path.relative(process.cwd(), testSource) || '.'}, ${seconds(t)}`);

    t = Date.now();
    const buildCode = await run(go, ['build', '-trimpath', '-o', devNull, './cmd/ferretdb'], {
      cwd: testSource,
      env: goEnv,
    });
    if (!step('go build ./cmd/ferretdb', buildCode === 0, `exit ${buildCode}, ${seconds(t)}`)) return;

    t = Date.now();
    const reader = goTestReader(log);
    const args = ['test', '-trimpath', '-count=1', '-timeout=5m', '-json'];
    if (onlyPatchTests) args.push('-run', 'Clinicflow');
    else {
      args.push('-skip', `^(${CHANGED_UPSTREAM_TESTS.map((c) => c.test).join('|')})$`);
      for (const { test, hunks, why, instead } of CHANGED_UPSTREAM_TESTS)
        log(`skip  upstream ${test}: ${why}, which ${hunks.join(' and ')} change; ${instead} checks them`);
    }
    const testCode = await run(go, [...args, ...PATCH_PACKAGES], { cwd: testSource, env: goEnv, ...reader });
    reportPackages(reader, { log, step });
    step('go test', testCode === 0, `exit ${testCode}, ${seconds(t)}`);

    // The patched dependencies: only clinicflow's tests (a dependency's own suite is its maintainers' to run).
    for (const { module } of VENDORED_MODULES) {
      t = Date.now();
      const vendoredReader = goTestReader(log);
      const vendoredArgs = [
        'test',
        '-trimpath',
        '-count=1',
        '-timeout=5m',
        '-json',
        '-run',
        '^TestClinicflow',
      ];
      const code = await run(go, [...vendoredArgs, module], {
        cwd: testSource,
        env: goEnv,
        ...vendoredReader,
      });
      reportPackages(vendoredReader, { log, step });
      step(`go test of ${module}`, code === 0, `exit ${code}, ${seconds(t)}`);
    }
  });
}

/** One step per package of a `go test -json` run, with the output of what failed. */
function reportPackages(reader, { log, step }) {
  for (const pkg of reader.packages.values()) {
    const name = pkg.name.replace('github.com/FerretDB/FerretDB/', '');
    const counts = `${pkg.passed} passed (${pkg.clinicflow} of clinicflow), ${pkg.failed.length} failed, ${pkg.skipped} skipped`;
    step(`go test ${name}`, pkg.result === 'pass', `${counts}, ${pkg.elapsed?.toFixed(1) ?? '?'} s`);
    for (const test of pkg.failed) log(`    --- FAIL ${test}\n${failureOutput(pkg, test)}`);
    for (const test of pkg.running) log(`    --- DID NOT FINISH ${test}\n${failureOutput(pkg, test)}`);
    if (pkg.result !== 'pass') log(failureOutput(pkg, ''));
  }
}

if (require.main === module) {
  testFerretDBPatches({ onlyPatchTests: process.argv.includes('--patch') }).then(
    ({ ok }) => process.exit(ok ? 0 : 1),
    (error) => {
      console.error(error.message ?? error);
      process.exit(1);
    },
  );
}

module.exports = { testFerretDBPatches, testSource };
