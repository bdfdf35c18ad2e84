// `npm run chaos` (issue 22): faults during a burst, each printing what it counted. Two worker processes (the
// built API, CLINICFLOW_ROLE=worker) send a burst through the sandbox against the embedded database:
//   database   the database killed (SIGKILL) mid-burst, down a while, started again on the same data and port;
//   kill       a worker killed (SIGKILL) every 20 s (8 s short) mid-burst, replaced each time: its sends are taken
//              over after their lease, the sandbox asked first (no message goes twice);
//   SMS centre the SMPP server stopped 10 min (20 s short) mid-burst and started again: all sent once it is
//              back, none after its expiry, none failed, submits counted at the centre (twice only in doubt);
//   drain      a worker sent SIGTERM mid-burst: it finishes what it holds (nothing left in doubt).
// Counted from the database and the sandbox's raw send calls: sent, lost, repeated sends, in doubt, taken over,
// and the time from the database's return to the burst's end. `--short` (a smaller burst, a shorter outage).
// The figures are printed, not asserted; the process exits 1 when a message is lost or sent twice outside doubt.
// When a wait times out, what was left and the workers' last log lines are printed (CHAOS_KEEP=1 keeps them).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { api, createBenchClinic, startBenchApi } from './bench-api.mjs';
import { startSmsc } from './sms-centre.mjs';

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
// How long a burst may take to be sent once the fault is over (the short one takes seconds).
const SEND_TIMEOUT_MS = (short ? 3 : 20) * MINUTE;
/** The SMS centre fault: down this long mid-burst; the burst's messages expire this long after planning. */
const SMSC_DOWN_MS = short ? 20_000 : 10 * MINUTE;
const SMPP_EXPIRY_MS = short ? 10 * MINUTE : 60 * MINUTE;
/** The kill fault: a worker killed this often, the burst sent this fast (so that it lasts several kills). */
const KILL_EVERY_MS = (short ? 8 : 20) * 1_000;
const KILL_RATE = 40;

/** The environment the database is started with: never MONGODB_URI (with one, startDatabase starts nothing). */
const ownEnv = { PATH: process.env.PATH };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A worker: the built API as a process of its own. */
async function startWorker(uri, name, logFile) {
  const port = await freePort();
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [path.join(root, 'apps/api/dist/main.js')], {
    env: {
      ...process.env,
      CLINICFLOW_ROLE: 'worker',
      ENGINE_ENABLED: 'true',
      PORT: String(port),
      HOST: '127.0.0.1',
      MONGODB_URI: uri,
      MONGODB_DB_NAME: DB_NAME,
      APP_SECRET: SECRET,
      METRICS_TOKEN,
      // What the workers met, in their log files: printed when a run fails.
      LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? 'warn',
      ENGINE_TICK_MS: '100',
      DISPATCH_LEASE_SECONDS: '10',
      DISPATCH_CONCURRENCY: '16',
      SEED_DEMO: 'false',
    },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
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
  return { name, child, base, exited, logFile };
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

/** What is left in the queue and in whose hands, for a run that timed out: the statuses and claims, no ids. */
async function leftOver(uri, workers) {
  const left = await ask(uri, async (db) => {
    const now = Date.now();
    const entries = await db.collection('delivery_queue').find({}).toArray();
    const deliveries = await db
      .collection('deliveries')
      .find({ _id: { $in: entries.map((e) => e._id) } })
      .toArray();
    const byStatus = {};
    for (const d of deliveries) byStatus[d.status] = (byStatus[d.status] ?? 0) + 1;
    const due = entries.filter((e) => new Date(e.dueAt).getTime() <= now).length;
    const leases = deliveries
      .map((d) => (d.leaseUntil ? Math.round((new Date(d.leaseUntil).getTime() - now) / 1000) : null))
      .filter((s) => s !== null);
    return { entries: entries.length, due, byStatus, leaseSecondsLeft: leases.slice(0, 10) };
  }).catch((error) => ({ unreadable: String(error) }));
  const alive = workers.map(
    (w) => `${w.name}: ${w.child.exitCode === null && !w.child.signalCode ? 'running' : 'stopped'}`,
  );
  const gauges = [];
  for (const w of workers.filter((w) => w.child.exitCode === null && !w.child.signalCode)) {
    const text = await fetch(`${w.base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
      .then((r) => r.text())
      .catch((error) => `unanswered: ${error}`);
    const lines = text.split('\n').filter((l) => /^clinicflow_(sends_total|queue_due|queue_entries)/.test(l));
    gauges.push(`${w.name}: ${lines.join('; ') || text.slice(0, 200)}`);
  }
  const logs = workers.map((w) => {
    const lines = readFileSync(w.logFile, 'utf8').trimEnd().split('\n');
    return `last lines of ${w.name}'s log (${lines.length} lines):\n${lines.slice(-30).join('\n')}`;
  });
  return [`left in the queue: ${JSON.stringify(left)}`, alive.join(', '), ...gauges, ...logs].join('\n');
}

/** `until`, and when it times out: what was left, printed before the error. */
async function untilSent(uri, workers, timeoutMs) {
  try {
    await until(async () => (await queueLength(uri)) === 0, timeoutMs, 'the burst is sent');
  } catch (error) {
    console.error(await leftOver(uri, workers));
    throw error;
  }
}

/** Plans `count` SMS due now for the clinic, through the API's own planning, and answers their ids. */
async function planBurst(uri, clinicId, prefix, count, expiresAt = null) {
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
        expiresAt,
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

/** Runs `work` with the built API started in this process on the chaos database, then stops it. */
async function withSetUp(uri, work) {
  const setup = await startBenchApi({ uri, dbName: DB_NAME });
  try {
    return await work(setup.app);
  } finally {
    await setup.close();
  }
}

/**
 * The clinic's SMS through the sandbox without receipts, at `ratePerSecond` (null: none), no quiet hours, test
 * mode (no credits needed): as the engine bench does.
 */
async function useTheSandbox(app, clinicId, ratePerSecond) {
  const { SettingsRepository } = api('./modules/settings/settings.repository');
  await app.get(SettingsRepository).replaceSections(clinicId, {
    providers: {
      sms: {
        kind: 'sandbox',
        options: { receipts: false },
        sealedCredentials: null,
        credentialKeys: [],
        ratePerSecond,
      },
    },
    quietHours: { windows: [], noSendWeekdays: [], holidays: [] },
    consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
    testMode: true,
    updatedAt: new Date(),
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
  await untilSent(uri, workers, SEND_TIMEOUT_MS);
  const recoveredIn = (Date.now() - backAt) / 1000;
  const figures = await count(uri, ids);
  for (const worker of workers) if (worker.child.exitCode !== null) figures.workerDied = worker.name;
  return {
    database: restarted,
    figures: { ...figures, downSeconds: (backAt - killedAt) / 1000, recoveredIn },
  };
}

/**
 * A worker killed with SIGKILL every `KILL_EVERY_MS` while the burst goes (each time the other one, replaced by
 * a fresh process): the burst is slowed to `KILL_RATE` SMS a second (a provider's rate) so that it outlasts
 * several kills.
 */
async function killFault(uri, clinicId, workers) {
  await withSetUp(uri, (app) => useTheSandbox(app, clinicId, KILL_RATE));
  const ids = await planBurst(uri, clinicId, 'kill', BURST);
  const startedAt = Date.now();
  let lastKill = startedAt;
  let kills = 0;
  while (((await queueLength(uri)) ?? BURST) > 0) {
    if (Date.now() - startedAt > SEND_TIMEOUT_MS) {
      console.error(await leftOver(uri, workers));
      throw new Error('timed out waiting until the burst is sent');
    }
    if (Date.now() - lastKill >= KILL_EVERY_MS) {
      const index = kills % workers.length;
      const victim = workers[index];
      victim.child.kill('SIGKILL');
      await victim.exited;
      kills++;
      workers[index] = await startWorker(uri, victim.name, victim.logFile);
      lastKill = Date.now();
    }
    await sleep(250);
  }
  await withSetUp(uri, (app) => useTheSandbox(app, clinicId, null));
  return { ...(await count(uri, ids)), kills, seconds: (Date.now() - startedAt) / 1000 };
}

/**
 * The clinic's SMS over SMPP to the SMS centre (test mode off, credits for the burst); the SMS centre stopped
 * for `SMSC_DOWN_MS` mid-burst and started again on its port. Every message must go once it is back, none
 * after its expiry, none marked failed while it could still go.
 */
async function smsCentreFault(uri, clinicId, workers) {
  const smsc = await startSmsc(await freePort());
  await withSetUp(uri, async (app) => {
    const { SettingsService } = api('./modules/settings/settings.service');
    const settings = app.get(SettingsService);
    const manager = { clinicId, kind: 'user', role: 'manager', email: 'chaos@clinicflow.test' };
    await settings.update(manager, {
      testMode: false,
      providers: {
        sms: {
          kind: 'smpp',
          options: { host: '127.0.0.1', port: smsc.port, systemId: 'clinic', defaultFrom: 'Cabinet' },
          credentials: { password: 'secret' },
          ratePerSecond: 200,
        },
      },
    });
    await settings.topUp(manager, { credits: BURST * 2, requestId: 'chaos-sms-centre' });
  });
  const expiresAt = new Date(Date.now() + SMPP_EXPIRY_MS);
  const ids = await planBurst(uri, clinicId, 'smpp', BURST, expiresAt);
  try {
    await until(
      async () => ((await queueLength(uri)) ?? BURST) <= BURST * 0.7,
      10 * MINUTE,
      'a third is sent',
    );
    await smsc.stop();
    await sleep(SMSC_DOWN_MS);
    await smsc.start();
    const backAt = Date.now();
    await untilSent(uri, workers, SEND_TIMEOUT_MS);
    const doneIn = (Date.now() - backAt) / 1000;
    const figures = await ask(uri, async (db) => {
      const deliveries = await db
        .collection('deliveries')
        .find({ _id: { $in: ids } })
        .toArray();
      const sent = deliveries.filter((d) => d.status === 'sent' || d.status === 'delivered');
      const inDoubt = new Set(deliveries.filter((d) => d.inDoubt).map((d) => d._id));
      const texts = new Map(deliveries.map((d) => [d._id, d.text]));
      const repeated = ids.filter((id) => (smsc.submits.get(texts.get(id)) ?? 0) > 1);
      return {
        sent: sent.length,
        lost: ids.length - sent.length,
        failed: deliveries.filter((d) => d.status === 'failed' || d.status === 'expired').length,
        afterExpiry: sent.filter((d) => new Date(d.sentAt).getTime() > expiresAt.getTime()).length,
        neverSubmitted: ids.filter((id) => !smsc.submits.get(texts.get(id))).length,
        repeated: repeated.length,
        repeatedOutsideDoubt: repeated.filter((id) => !inDoubt.has(id)).length,
        inDoubt: inDoubt.size,
      };
    });
    return { ...figures, downSeconds: SMSC_DOWN_MS / 1000, doneIn };
  } finally {
    await smsc.stop().catch(() => undefined);
    // Back to the sandbox in test mode for the faults after this one.
    await withSetUp(uri, (app) => useTheSandbox(app, clinicId, null));
  }
}

async function drainFault(uri, clinicId, workers) {
  const ids = await planBurst(uri, clinicId, 'drain', BURST);
  await until(async () => ((await queueLength(uri)) ?? BURST) <= BURST * 0.7, 10 * MINUTE, 'a third is sent');
  const [stopping] = workers;
  const signalledAt = Date.now();
  stopping.child.kill('SIGTERM');
  await stopping.exited;
  const stoppedIn = (Date.now() - signalledAt) / 1000;
  await untilSent(uri, workers, SEND_TIMEOUT_MS);
  return {
    ...(await count(uri, ids)),
    stoppedIn,
    exitCode: stopping.child.exitCode ?? stopping.child.signalCode,
  };
}

async function main() {
  // The in-process set-up and the workers share the secret (sealed provider credentials) and let the SMS
  // centre on loopback in (the provider host guard).
  process.env.APP_SECRET = SECRET;
  process.env.CLINICFLOW_ALLOWED_PROVIDER_HOSTS = '127.0.0.1';
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
    await useTheSandbox(setup.app, clinicId, null);
    await setup.close();
    workers.push(
      await startWorker(uri, 'worker 1', path.join(dir, 'worker-1.log')),
      await startWorker(uri, 'worker 2', path.join(dir, 'worker-2.log')),
    );
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

    const k = await killFault(uri, clinicId, workers);
    console.log(
      `a worker killed (SIGKILL) every ${KILL_EVERY_MS / 1000} s mid-burst, ${k.kills} kills in ${k.seconds.toFixed(0)} s: ` +
        `sent ${k.sent}, lost ${k.lost}, repeated sends ${k.repeated}, in doubt ${k.inDoubt}, taken over ${k.takenOver}`,
    );
    // The kills must have interrupted sends: some were taken over after their lease.
    failed ||= k.lost > 0 || k.repeated > 0 || k.kills === 0 || k.takenOver === 0;

    const c = await smsCentreFault(uri, clinicId, workers);
    console.log(
      `SMS centre (SMPP) down ${c.downSeconds.toFixed(0)} s mid-burst: sent ${c.sent}, lost ${c.lost}, ` +
        `failed or expired ${c.failed}, sent after expiry ${c.afterExpiry}, never at the centre ${c.neverSubmitted}, ` +
        `submitted twice ${c.repeated} (${c.repeatedOutsideDoubt} outside doubt), in doubt ${c.inDoubt}, ` +
        `burst done ${c.doneIn.toFixed(1)} s after the centre came back`,
    );
    failed ||=
      c.lost > 0 || c.failed > 0 || c.afterExpiry > 0 || c.neverSubmitted > 0 || c.repeatedOutsideDoubt > 0;

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
    // CHAOS_KEEP=1 keeps the database and the workers' logs for a look afterwards.
    if (process.env.CHAOS_KEEP) console.log(`kept: ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
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
