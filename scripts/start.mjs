// `npm start`: install what is missing, build what is not built, start the embedded database and the API
// (which serves the editor) on one port, and stop everything on Ctrl-C.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { apiNodeOptions } from './workspace/api-node-options.mjs';
import { ensureDependencies, root } from './workspace/ensure-dependencies.mjs';
import { runCommand } from './workspace/run-command.mjs';
import { stopWithParent } from './workspace/stop-with-parent.mjs';

const HEALTH_TIMEOUT_MS = 120_000;
// The API drains (its sends end or time out at 10 s) within this; then the database stops (5 s at most).
const API_STOP_TIMEOUT_MS = 10_000;

function fail(message) {
  console.error(`\nclinicflow could not start: ${message}`);
  process.exit(1);
}

function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) =>
      error.code === 'EADDRINUSE'
        ? reject(
            new Error(
              `port ${port} is already in use (is clinicflow already running?). Stop what runs there or start with PORT=<another port> npm start.`,
            ),
          )
        : reject(error),
    );
    probe.listen(port, () => probe.close(resolve));
  });
}

// Tokens and stored provider credentials need a secret that survives restarts: one per data directory.
function appSecret(dataDir) {
  if (process.env.APP_SECRET) return process.env.APP_SECRET;
  const file = path.join(dataDir, 'app-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function waitForHealth(url, api) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (api.exitCode !== null)
      throw new Error(`the API exited (${api.exitCode}) while starting; see its output above.`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the API did not answer ${url} within ${HEALTH_TIMEOUT_MS / 1000} s.`);
}

function stopApi(api) {
  if (api.exitCode !== null || api.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      console.error(
        `The API did not stop within ${API_STOP_TIMEOUT_MS / 1000} s: killed (what it was sending is recovered at the next start).`,
      );
      api.kill('SIGKILL');
    }, API_STOP_TIMEOUT_MS);
    api.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    api.kill('SIGTERM');
  });
}

// What is running, for the one way everything stops (Ctrl-C, SIGTERM, the launcher's own parent gone).
const running = { api: null, database: null, runtimeFile: null, stopping: false };

async function shutdown(code) {
  if (running.stopping) return;
  running.stopping = true;
  if (running.api)
    console.log('\nStopping clinicflow: the API finishes what it is sending, then the database stops.');
  if (running.runtimeFile) rmSync(running.runtimeFile, { force: true });
  if (running.api) await stopApi(running.api);
  await running.database?.stop();
  process.exit(code);
}

async function main() {
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));
  process.on('SIGHUP', () => shutdown(0));
  stopWithParent(() => void shutdown(0));
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    fail(`PORT must be a port number, not "${process.env.PORT}".`);
  await assertPortFree(port).catch((error) => fail(error.message));

  await ensureDependencies();
  if (
    (await runCommand('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static'], { cwd: root })) !== 0
  ) {
    fail('the build failed; see the output above.');
  }
  if (running.stopping) return;

  const dataDir = path.resolve(root, process.env.CLINICFLOW_DATA_DIR ?? '.data');
  mkdirSync(dataDir, { recursive: true });
  const { startDatabase } = createRequire(import.meta.url)('./database/embedded-database.cjs');
  const database = await startDatabase({
    dataDir: path.join(dataDir, 'db'),
    logFile: path.join(dataDir, 'database.log'),
  }).catch((error) => fail(error.message));
  running.database = database;
  if (running.stopping) return shutdown(0);
  // An external URI may hold a password: the API names it, masked, if it cannot reach it.
  console.log(
    database.kind === 'external'
      ? 'Database: the one MONGODB_URI names'
      : `Database: ${database.kind} at ${database.uri} (log: ${database.logFile})`,
  );

  // `npm run clinic` (scripts/clinic.mjs) finds the running system here: its port and, when embedded, its database.
  running.runtimeFile = path.join(dataDir, 'runtime.json');
  writeFileSync(
    running.runtimeFile,
    JSON.stringify({ port, databaseUri: database.kind === 'external' ? null : database.uri }),
    { mode: 0o600 },
  );

  // Its own process group, so that Ctrl-C reaches it through this launcher only (it drains, then the database
  // stops); the IPC channel tells it when this launcher is gone however it went (main.ts stops on 'disconnect').
  const api = spawn(process.execPath, [...apiNodeOptions(), path.join(root, 'apps/api/dist/main.js')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      MONGODB_URI: database.uri,
      APP_SECRET: appSecret(dataDir),
      SEED_DEMO: process.env.SEED_DEMO ?? 'true',
      EDITOR_DIST_DIR: path.join(root, 'apps/editor/dist'),
    },
  });
  running.api = api;
  // The launcher does not wait on the channel; it only has to close when this process ends.
  api.channel?.unref();
  database.alsoWaitFor(api.pid);
  api.on('exit', (code) => {
    if (!running.stopping) {
      console.error(`The API stopped (exit ${code}); stopping the database.`);
      void shutdown(code || 1);
    }
  });

  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, api);
  } catch (error) {
    if (running.stopping) return;
    console.error(`\nclinicflow could not start: ${error.message}`);
    await shutdown(1);
    return;
  }
  console.log(
    `\n  clinicflow is running: open http://localhost:${port}/  (API docs: /api/docs; Ctrl-C stops)\n`,
  );
}

main().catch((error) => fail(error.stack ?? String(error)));
