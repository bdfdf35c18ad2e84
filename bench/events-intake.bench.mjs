// Event intake throughput of the built API (apps/api/dist/main.js) against the embedded database: single
// posts (one at a time, and 8 in flight), duplicates, and bulk posts of 1 000 events. Prints events/s;
// figures, never pass/fail. Run after a build: `node bench/events-intake.bench.mjs`.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { startDatabase, freePort } = createRequire(import.meta.url)(
  path.join(root, 'scripts/database/embedded-database.cjs'),
);

const SINGLE = Number(process.env.BENCH_SINGLE ?? 200);
const BULK_BATCHES = Number(process.env.BENCH_BULK_BATCHES ?? 2);
const BULK_SIZE = 1000;

// The demo clinic's catalogue (SEED_DEMO), so references are known, as they are in a clinic in use.
const SERVICES = ['S-CTRL', 'S-HYG', 'S-SOIN'];
const RESOURCES = ['R-MARTIN', 'R-NGUYEN', 'R-FAUTEUIL3'];

function booking(id, i) {
  const start = new Date(Date.UTC(2027, 0, 4 + (i % 60), 8 + (i % 9), 0));
  return {
    id,
    type: 'appointment.booked',
    occurredAt: '2026-12-01T10:00:00Z',
    appointment: {
      externalId: `A-${id}`,
      start: start.toISOString(),
      end: new Date(start.getTime() + 30 * 60_000).toISOString(),
      source: 'online',
      serviceExternalId: SERVICES[i % 3],
      resourceExternalId: RESOURCES[i % 3],
      locationExternalId: 'L-LILAS',
    },
    patient: {
      externalId: `P-${i % 500}`,
      firstName: 'Bench',
      lastName: `Patient ${i % 500}`,
      mobile: `+336123${String(i % 500).padStart(5, '0')}`,
    },
  };
}

async function startApi(uri, port) {
  const api = spawn(process.execPath, [path.join(root, 'apps/api/dist/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      MONGODB_URI: uri,
      MONGODB_DB_NAME: 'bench',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      EDITOR_DIST_DIR: '/nonexistent',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  api.stdout.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (api.exitCode !== null) throw new Error(`the API exited (${api.exitCode}):\n${output}`);
    const key = /(cf_[0-9a-f]{16}\.[A-Za-z0-9_-]{32})/.exec(output)?.[1];
    if (key) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return { api, key };
      } catch {
        // not listening yet
      }
    }
    if (Date.now() > deadline) throw new Error(`the API did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'clinicflow-bench-'));
  const database = await startDatabase({ dataDir: path.join(dir, 'db'), logFile: path.join(dir, 'db.log') });
  const port = await freePort();
  let api;
  try {
    const started = await startApi(database.uri, port);
    api = started.api;
    const base = `http://127.0.0.1:${port}/api/events`;
    const headers = { 'content-type': 'application/json', 'x-api-key': started.key };
    const post = async (url, body, expected) => {
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
      if (!expected.includes(res.status))
        throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
      return res.json();
    };
    const rate = (n, ms) =>
      `${((n * 1000) / ms).toFixed(0).padStart(6)} events/s  (${n} events in ${(ms / 1000).toFixed(2)} s)`;

    for (let i = 0; i < 20; i++) await post(base, booking(`warm-${i}`, i), [202]);

    let t = performance.now();
    for (let i = 0; i < SINGLE; i++) await post(base, booking(`seq-${i}`, i), [202]);
    const sequential = performance.now() - t;

    t = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = next++; i < SINGLE; i = next++) await post(base, booking(`par-${i}`, i), [202]);
      }),
    );
    const parallel = performance.now() - t;

    t = performance.now();
    for (let i = 0; i < SINGLE; i++) await post(base, booking(`seq-${i}`, i), [200]);
    const duplicates = performance.now() - t;

    t = performance.now();
    for (let b = 0; b < BULK_BATCHES; b++) {
      const events = Array.from({ length: BULK_SIZE }, (_, i) => booking(`bulk-${b}-${i}`, i));
      const { results } = await post(`${base}/bulk`, { events }, [200]);
      if (results.some((r) => !r.accepted || r.duplicate)) throw new Error('a bulk event was not accepted');
    }
    const bulk = performance.now() - t;

    console.log(
      `\nclinicflow event intake (${database.kind}, ${path.basename(process.execPath)} ${process.version})`,
    );
    console.log(`  single, sequential        ${rate(SINGLE, sequential)}`);
    console.log(`  single, 8 in flight       ${rate(SINGLE, parallel)}`);
    console.log(`  single, duplicates        ${rate(SINGLE, duplicates)}`);
    console.log(`  bulk, ${BULK_SIZE} per request   ${rate(BULK_BATCHES * BULK_SIZE, bulk)}\n`);
  } finally {
    if (api && api.exitCode === null) {
      api.kill('SIGTERM');
      await new Promise((r) => api.once('exit', r));
    }
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
