// `npm run chaos` (issue 22): faults during a burst, each printing what it counted. Two worker processes (the
// built API, CLINICFLOW_ROLE=worker) send a burst through the sandbox against the embedded database:
//   database   the database killed (SIGKILL) mid-burst, down a while, started again on the same data and port;
//   drain      a worker sent SIGTERM mid-burst: it finishes what it holds (nothing left in doubt).
// Counted from the database and the sandbox's raw send calls: sent, lost, repeated sends, in doubt, taken over,
// and the time from the database's return to the burst's end. `--short` (a smaller burst, a shorter outage).
// The figures are printed, not asserted; the process exits 1 when a message is lost or sent twice outside doubt.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { api, createBenchClinic, startBenchApi } from './bench-api.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { startDatabase, freePort } = createRequire(import.meta.url)(
  path.join(root, 'scripts/database/embedded-database.cjs'),
);
const { MongoClient } = api('mongodb');

const short = process.argv.includes('--short');
const BURST = short ? 1_000 : 5_000;
const DOWN_SECONDS = short ? 10 : 60;
const DB_NAME = 'chaos';
const SECRET = randomBytes(32).toString('hex');
const METRICS_TOKEN = randomBytes(24).toString('hex');
const MINUTE = 60_000;

/**
 * The environment the database is started with: never MONGODB_URI (the set-up's in-process API leaves it in
 * process.env, and startDatabase would then start nothing).
 */
const ownEnv = { PATH: process.env.PATH };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A worker: the built API as a process of its own. */
async function startWorker(uri, name) {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'apps/api/dist/main.js')], {
    env: {
      ...process.env,
      CLINICFLOW_ROLE: 'worker',
      // (the set-up's in-process API left ENGINE_ENABLED=false in process.env: Nest's ConfigModule copies it there)
      ENGINE_ENABLED: 'true',
      PORT: String(port),
      HOST: '127.0.0.1',
      MONGODB_URI: uri,
      MONGODB_DB_NAME: DB_NAME,
      APP_SECRET: SECRET,
      METRICS_TOKEN,
      LOG_LEVEL: 'silent',
      ENGINE_TICK_MS: '100',
      DISPATCH_LEASE_SECONDS: '10',
      DISPATCH_CONCURRENCY: '16',
      SEED_DEMO: 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`${name} stopped while starting`);
    if (
      await fetch(`${base}/api/health/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (tries > 240) throw new Error(`${name} did not start`);
    await sleep(250);
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return { name, child, base, exited };
}

/** A fresh reader for each question: it must survive the database going away. */
async function ask(uri, question) {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1_000, connectTimeoutMS: 1_000 });
  try {
    await client.connect();
    return await question(client.db(DB_NAME));
  } finally {
    await client.close().catch(() => undefined);
  }
}

async function queueLength(uri) {
  return ask(uri, (db) => db.collection('delivery_queue').countDocuments()).catch(() => null);
}

async function until(condition, timeoutMs, what) {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting until ${what}`);
    await sleep(250);
  }
}

/** Plans `count` SMS due now for the clinic, through the API's own planning, and answers their ids. */
async function planBurst(uri, clinicId, prefix, count) {
  const started = await startBenchApi({ uri, dbName: DB_NAME });
  try {
    const { DeliveryPlanningService } = api('./modules/deliveries/delivery-planning.service');
    const planning = started.app.get(DeliveryPlanningService);
    const now = new Date();
    const ids = [];
    for (let from = 0; from < count; from += 1_000) {
      const inputs = Array.from({ length: Math.min(1_000, count - from) }, (_, i) => ({
        key: `${prefix}-${from + i}`,
        channel: 'sms',
        recipient: { type: 'patient', name: 'Léa Martin', address: '+33612345678' },
        sendAt: now,
        template: { byLanguage: { fr: { body: `Rappel ${prefix}-${from + i}` } } },
        language: 'fr',
      }));
      const answer = await planning.plan(
        clinicId,
        inputs,
        { timeZone: 'Europe/Paris', origin: 'batch', templateData: {} },
        now,
      );
      ids.push(...answer.planned.map((d) => d._id));
    }
    return ids;
  } finally {
    await started.close();
  }
}

/** What became of the burst: sent, lost, repeated at the sandbox, in doubt, taken over. */
async function count(uri, ids) {
  return ask(uri, async (db) => {
    const deliveries = await db
      .collection('deliveries')
      .find({ _id: { $in: ids } })
      .toArray();
    const sandbox = await db
      .collection('sandbox_messages')
      .find({ _id: { $in: ids } })
      .toArray();
    const sent = deliveries.filter((d) => d.status === 'sent' || d.status === 'delivered');
    const inDoubt = new Set(deliveries.filter((d) => d.inDoubt).map((d) => d._id));
    const repeated = sandbox.filter((m) => (m.sendCalls ?? 1) > 1);
    return {
      sent: sent.length,
      lost: ids.length - sent.length,
      repeated: repeated.length,
      repeatedOutsideDoubt: repeated.filter((m) => !inDoubt.has(m._id)).length,
      inDoubt: inDoubt.size,
      takenOver: deliveries.filter((d) => (d.history ?? []).some((h) => /taken over/.test(h.reason ?? '')))
        .length,
    };
  });
}

async function databaseFault(uri, database, clinicId, dataDir, port, workers) {
  const ids = await planBurst(uri, clinicId, 'db', BURST);
  await until(async () => ((await queueLength(uri)) ?? BURST) <= BURST * 0.7, 10 * MINUTE, 'a third is sent');
  process.kill(database.pid, 'SIGKILL');
  const killedAt = Date.now();
  await sleep(DOWN_SECONDS * 1_000);
  const restarted = await startDatabase({
    dataDir,
    logFile: path.join(dataDir, '..', 'db.log'),
    port,
    env: ownEnv,
  });
  const backAt = Date.now();
  await until(async () => (await queueLength(uri)) === 0, 20 * MINUTE, 'the burst is sent');
  const recoveredIn = (Date.now() - backAt) / 1000;
  const figures = await count(uri, ids);
  for (const worker of workers) if (worker.child.exitCode !== null) figures.workerDied = worker.name;
  return {
    database: restarted,
    figures: { ...figures, downSeconds: (backAt - killedAt) / 1000, recoveredIn },
  };
}

async function drainFault(uri, clinicId, workers) {
  const ids = await planBurst(uri, clinicId, 'drain', BURST);
  await until(async () => ((await queueLength(uri)) ?? BURST) <= BURST * 0.7, 10 * MINUTE, 'a third is sent');
  const [stopping] = workers;
  const signalledAt = Date.now();
  stopping.child.kill('SIGTERM');
  await stopping.exited;
  const stoppedIn = (Date.now() - signalledAt) / 1000;
  await until(async () => (await queueLength(uri)) === 0, 20 * MINUTE, 'the burst is sent');
  return {
    ...(await count(uri, ids)),
    stoppedIn,
    exitCode: stopping.child.exitCode ?? stopping.child.signalCode,
  };
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'clinicflow-chaos-'));
  const dataDir = path.join(dir, 'db');
  const port = await freePort();
  let database = await startDatabase({ dataDir, logFile: path.join(dir, 'db.log'), port, env: ownEnv });
  const uri = database.uri;
  const workers = [];
  let failed = false;
  try {
    const setup = await startBenchApi({ uri, dbName: DB_NAME });
    const clinicId = await createBenchClinic(setup.app);
    // The sandbox without receipts, no quiet hours, test mode (no credits needed): as the engine bench does.
    const { SettingsRepository } = api('./modules/settings/settings.repository');
    await setup.app.get(SettingsRepository).replaceSections(clinicId, {
      providers: {
        sms: { kind: 'sandbox', options: { receipts: false }, sealedCredentials: null, credentialKeys: [] },
      },
      quietHours: { windows: [], noSendWeekdays: [], holidays: [] },
      consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
      testMode: true,
      updatedAt: new Date(),
    });
    await setup.close();
    workers.push(await startWorker(uri, 'worker 1'), await startWorker(uri, 'worker 2'));
    console.log(`chaos: ${BURST} SMS a fault, 2 workers, the embedded database${short ? ' (short)' : ''}\n`);

    const db = await databaseFault(uri, database, clinicId, dataDir, port, workers);
    database = db.database;
    const f = db.figures;
    console.log(
      `database killed ${f.downSeconds.toFixed(0)} s mid-burst: sent ${f.sent}, lost ${f.lost}, repeated sends ${f.repeated} ` +
        `(${f.repeatedOutsideDoubt} outside doubt), in doubt ${f.inDoubt}, taken over ${f.takenOver}, ` +
        `burst done ${f.recoveredIn.toFixed(1)} s after the database came back${f.workerDied ? `; ${f.workerDied} died` : ''}`,
    );
    failed ||= f.lost > 0 || f.repeatedOutsideDoubt > 0 || Boolean(f.workerDied);

    const d = await drainFault(uri, clinicId, workers);
    console.log(
      `worker sent SIGTERM mid-burst: stopped in ${d.stoppedIn.toFixed(1)} s (exit ${d.exitCode}), sent ${d.sent}, ` +
        `lost ${d.lost}, repeated sends ${d.repeated}, in doubt ${d.inDoubt}, taken over ${d.takenOver}`,
    );
    failed ||= d.lost > 0 || d.inDoubt > 0 || d.repeated > 0;

    const metrics = await fetch(`${workers[1].base}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    }).then((r) => r.text());
    console.log('\nmetrics of worker 2 (clinicflow_ lines, process metrics left out):');
    for (const line of metrics.split('\n')) {
      if (/^clinicflow_(sends|queue|events|send_lag_seconds_(count|sum))/.test(line))
        console.log(`  ${line}`);
    }
  } finally {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    await database.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    failed ? '\nchaos: FAILED (see above)' : '\nchaos: nothing lost, nothing sent twice outside doubt',
  );
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error.stack ?? String(error));
  process.exit(1);
});
