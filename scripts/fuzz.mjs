// `npm run test:fuzz`: schemathesis (PyPI) over the whole OpenAPI document with the demo manager's token, for a
// bounded time, with the `not_a_server_error` check: any 500 fails. The product is started as the end-to-end
// tests start it (scripts/start.mjs, its own port and a fresh data directory); schemathesis lives in a
// project-local virtual environment, .venv-fuzz/, made from scripts/testing/fuzz-requirements.txt when missing.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from './workspace/ensure-dependencies.mjs';
import { runCommand } from './workspace/run-command.mjs';

const PORT = Number(process.env.FUZZ_PORT ?? 3927);
// About 2–3 minutes on a 2-core machine: long enough for every operation's examples, coverage and fuzzing phases.
const MAX_TIME_SECONDS = Number(process.env.FUZZ_MAX_TIME ?? 150);
const HEALTH_TIMEOUT_MS = 600_000;
const venv = path.join(root, '.venv-fuzz');
const requirements = path.join(root, 'scripts/testing/fuzz-requirements.txt');
const stamp = path.join(venv, 'requirements.installed');
const DEMO_MANAGER = { email: 'manager@demo.clinicflow.test', password: 'clinicflow-demo-manager' };

/**
 * Operations left out (each path has only this method), each with why: they end the session the fuzzer uses (its token would be refused for the
 * rest of the run, which hides every later server error behind a 401).
 */
const EXCLUDED = [
  ['POST', '/api/account/sign-out-everywhere', 'ends every session of the demo manager, the fuzzer’s own'],
  ['POST', '/api/account/password', 'a changed password ends the demo manager’s other sessions'],
  // Stateful testing follows the links of GET /api/users to these, and may pick the demo manager's own id.
  ['POST', '/api/users/{id}/disable', 'disabling the demo manager ends the fuzzer’s session'],
  ['POST', '/api/users/{id}/password-reset', 'a reset of the demo manager’s password ends its sessions'],
];

/** Makes .venv-fuzz/ with the pinned schemathesis, unless it is there with the same requirements already. */
async function ensureSchemathesis() {
  const wanted = readFileSync(requirements, 'utf8');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return;
  console.log('=== fuzz: installing schemathesis into .venv-fuzz/');
  if (!existsSync(path.join(venv, 'bin/python'))) {
    if ((await runCommand('python3', ['-m', 'venv', venv])) !== 0) throw new Error('python3 -m venv failed');
  }
  const pip = path.join(venv, 'bin/pip');
  if ((await runCommand(pip, ['install', '--quiet', '-r', requirements])) !== 0) {
    throw new Error('pip install of schemathesis failed; see the output above');
  }
  writeFileSync(stamp, wanted);
}

/** Starts the product as `npm start` does; answers the child and its last lines of output (for a failure). */
function startProduct(dataDir) {
  const output = [];
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: String(PORT), CLINICFLOW_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk) => {
    output.push(...chunk.toString('utf8').split('\n'));
    output.splice(0, Math.max(0, output.length - 200));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return { child, output };
}

async function waitForHealth(child) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the product exited (${child.exitCode}) while starting`);
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the product did not answer /api/health within ${HEALTH_TIMEOUT_MS / 1000} s`);
}

function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function login() {
  const response = await fetch(`http://127.0.0.1:${PORT}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_MANAGER),
  });
  if (!response.ok) throw new Error(`the demo manager could not log in (${response.status})`);
  return (await response.json()).accessToken;
}

/**
 * Runs schemathesis with its output passed on, except its closing banner: "=== 3 warnings in 150.09s ===" has
 * pytest's shape, and a reader of the whole log that knows pytest takes it for a run of no test at all.
 */
function runSchemathesis(args, cwd) {
  return runCommand(path.join(venv, 'bin/st'), args, {
    cwd,
    onLine: (line) => {
      const banner = /^=+ (.*) =+$/.exec(line);
      console.log(banner ? `schemathesis: ${banner[1]}` : line);
    },
  });
}

/** Writes the tier's counts where `npm test` reads them: one test, passed or failed. */
function writeCounts(passed) {
  const dir = path.join(root, '.test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'fuzz.json'),
    JSON.stringify({ passed: passed ? 1 : 0, failed: passed ? 0 : 1 }),
  );
}

async function main() {
  await ensureSchemathesis();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'clinicflow-fuzz-'));
  const product = startProduct(dataDir);
  let code = 1;
  try {
    await waitForHealth(product.child);
    const token = await login();
    const excluded = EXCLUDED.flatMap(([, route]) => ['--exclude-path', route]);
    const args = [
      'run',
      `http://127.0.0.1:${PORT}/api/docs-json`,
      '--checks',
      'not_a_server_error',
      '--header',
      `Authorization: Bearer ${token}`,
      '--max-time',
      String(MAX_TIME_SECONDS),
      // one worker: with two, schemathesis's threads compile generated code at once and CPython answers
      // "SystemError: AST constructor recursion depth mismatch" (its own runtime error, seen on a fresh clone)
      '--workers',
      '1',
      '--request-timeout',
      '30',
      '--seed',
      process.env.FUZZ_SEED ?? '17',
      '--no-color',
      ...excluded,
    ];
    console.log(`=== fuzz: schemathesis for ${MAX_TIME_SECONDS} s against http://127.0.0.1:${PORT}`);
    code = await runSchemathesis(args, dataDir);
    // A session ended half-way would hide every later server error behind a 401: say so, loudly.
    const me = await fetch(`http://127.0.0.1:${PORT}/api/auth/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!me.ok) console.error(`\n=== fuzz: WARNING the fuzzer's session ended during the run (${me.status})`);
    if (code !== 0) {
      console.error(
        '\n=== fuzz: the last lines of the product’s output (no request values: see request-log.ts)',
      );
      console.error(product.output.join('\n'));
    }
  } catch (error) {
    console.error(`fuzz: ${error.message}\n${product.output.join('\n')}`);
  } finally {
    await stop(product.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
  writeCounts(code === 0);
  process.exit(code === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error.stack ?? String(error));
  process.exit(1);
});
