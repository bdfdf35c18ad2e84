// The embedded MongoDB-protocol database: the one place that decides which server runs for `npm start` and
// for test runs, starts it, waits for it to answer, and stops it without leaving a stray process.
//
// Order (architecture.md): MONGODB_URI given → start nothing; a `mongod` on PATH → run it; otherwise
// FerretDB v1.24.2 with its SQLite backend, built once into .tools/bin by ./ferretdb-install.cjs.
// CommonJS, so that Node scripts, Jest set-up files and TypeScript tests can all load it without a build step.
const { spawn } = require('node:child_process');
const { mkdirSync, openSync, closeSync, readFileSync } = require('node:fs');
const { createServer } = require('node:net');
const path = require('node:path');
const { MongoClient } = require('mongodb');
const { findOnPath, ensureFerretDB } = require('./ferretdb-install.cjs');

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

/** Asks the OS for a free TCP port on the loopback interface. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function ping(uri) {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1_000, connectTimeoutMS: 1_000 });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close().catch(() => undefined);
  }
}

function tail(file, lines = 15) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log written)';
  }
}

async function waitUntilReady(uri, child, logFile, name) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${name} exited (${child.exitCode ?? child.signalCode}) before answering ping; see ${logFile}:\n${tail(logFile)}`,
      );
    }
    try {
      await ping(uri);
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  child.kill('SIGKILL');
  throw new Error(
    `${name} did not answer ping within ${READY_TIMEOUT_MS / 1000} s (${lastError?.message}); see ${logFile}:\n${tail(logFile)}`,
  );
}

function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

// Last resort for an abrupt exit of the parent (an uncaught error, process.exit): the child must not outlive us.
const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function serverCommand(kind, binary, dataDir, port) {
  if (kind === 'mongod') {
    return [binary, ['--dbpath', dataDir, '--port', String(port), '--bind_ip', '127.0.0.1', '--quiet']];
  }
  return [
    binary,
    [
      '--handler=sqlite',
      // Commits wait for the disk once per 100 ms, not once each: the patched server flushes its WAL files
      // every 100 ms under synchronous=NORMAL (docs/database.md, "Group commit"), as MongoDB its journal. The
      // WAL is copied into the database file once per 10 000 pages (40 MiB) instead of SQLite's 1 000: a page
      // written many times in between is copied once (docs/database.md, "Which server runs").
      `--sqlite-url=file:${dataDir}/?_pragma=synchronous(normal)&_pragma=wal_autocheckpoint(10000)`,
      `--listen-addr=127.0.0.1:${port}`,
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=warn',
      '--log-format=text',
      `--state-dir=${dataDir}`,
    ],
  ];
}

/**
 * Starts (or adopts) the database and resolves to `{ uri, kind, stop }` once it answers ping.
 * `dataDir` keeps the server's files; its log goes to `logFile`; `port` (default: a free one) is where it listens
 * (the chaos run starts it again where its clients expect it).
 */
async function startDatabase({ dataDir, logFile, env = process.env, log = console.log, port: wanted }) {
  if (env.MONGODB_URI) {
    return {
      uri: env.MONGODB_URI,
      kind: 'external',
      alsoWaitFor: () => undefined,
      stop: async () => undefined,
    };
  }
  const mongod = findOnPath('mongod', env);
  const kind = mongod ? 'mongod' : 'ferretdb';
  const binary = mongod ?? (await ensureFerretDB({ env, log }));
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(path.dirname(logFile), { recursive: true });
  const port = wanted ?? (await freePort());
  const [command, args] = serverCommand(kind, binary, dataDir, port);
  const out = openSync(logFile, 'a');
  // Its own process group: Ctrl-C or a signal to the starter's group leaves it to the starter, which stops it
  // last, after the API has drained against it.
  const child = spawn(command, args, { stdio: ['ignore', out, out], detached: true });
  closeSync(out);
  running.add(child);
  child.once('exit', () => running.delete(child));
  const guard = startGuard(child.pid);
  const uri = `mongodb://127.0.0.1:${port}/`;
  await waitUntilReady(uri, child, logFile, kind);
  return {
    uri,
    kind,
    pid: child.pid,
    logFile,
    /** Names a process (the API) the guard lets finish before it stops the server of a starter gone. */
    alsoWaitFor: (pid) => guard.stdin.write(`wait ${pid}\n`),
    stop: async () => {
      guard.kill('SIGKILL');
      await stopChild(child);
    },
  };
}

/** The guard that stops the server if this process ends without stopping it (./stop-when-orphaned.cjs). */
function startGuard(serverPid) {
  const guard = spawn(process.execPath, [path.join(__dirname, 'stop-when-orphaned.cjs'), String(serverPid)], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
  });
  // Neither the guard nor its pipe keeps this process alive.
  guard.unref();
  guard.stdin.unref();
  guard.stdin.on('error', () => undefined);
  running.add(guard);
  guard.once('exit', () => running.delete(guard));
  return guard;
}

module.exports = { startDatabase, freePort };
