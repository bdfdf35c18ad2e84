// `npm run chaos` (issue 22): faults during a burst, each printing what it counted. Two worker processes (the
// built API, CLINICFLOW_ROLE=worker) send a burst through the sandbox against the embedded database:
//   database   the database killed (SIGKILL) mid-burst, down a while, started again on the same data and port;
//   kill       a worker killed (SIGKILL) every 20 s (8 s short) mid-burst, replaced each time: its sends are taken
//              over after their lease, the sandbox asked first (no message goes twice);
//   SMS centre the SMPP server stopped 10 min (20 s short) mid-burst and started again: all sent once it is
//              back, none after its expiry, none failed, submits counted at the centre (twice only in doubt);
//   drain      a worker sent SIGTERM mid-burst: it finishes what it holds (nothing left in doubt).
// During the database fault a web process (CLINICFLOW_ROLE=web) takes bookings from a PMS that tries each again
// until accepted; each must get its run and its booking confirmation, and no run may end by an engine error.
// Counted from the database and the sandbox's raw send calls: sent, lost, repeated sends, in doubt, taken over,
// and the time from the database's return to the burst's end. `--short` (a smaller burst, a shorter outage).
// The figures are printed, not asserted; the process exits 1 when a message is lost or sent twice outside doubt.
// When a wait times out, what was left and the workers' last log lines are printed (CHAOS_KEEP=1 keeps them).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { api, createBenchClinic } from './bench-api.mjs';
import { count, planBurst, useTheSandbox, withSetUp } from './chaos-burst.mjs';
import { countBookings, postBookings, setUpPms } from './chaos-pms.mjs';
import { chaosCluster, settled, sleep, until, within } from './chaos-processes.mjs';
import { startSmsc } from './sms-centre.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { startDatabase, freePort } = createRequire(import.meta.url)(
  path.join(root, 'scripts/database/embedded-database.cjs'),
);

const short = process.argv.includes('--short');
/** `--fault database|kill|sms-centre|drain` runs that one fault only (to look into one). */
const onlyFault = process.argv[process.argv.indexOf('--fault') + 1] ?? null;
const runs = (name) => !process.argv.includes('--fault') || onlyFault === name;
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
/** The database fault: bookings the PMS posts to the web process from just before the kill, this fast. */
const BOOKINGS = short ? 200 : 800;
/** The bookings come in batches, one a second, so that the engine is working through one when the database goes. */
const BOOKINGS_PER_POST = 10;
/**
 * After its outage, the database is killed and started again at once this many times while bookings flow: a
 * move that met the database gone finds it back within the driver's server selection (5 s), the case in which an
 * engine that ended runs on any error would end them.
 */
const HICCUPS = 3;
/** How long a fault's figures wait for the consistency sweep (every 15 s, after 30 s, in the workers here). */
const SWEEP_WAIT_MS = 90_000;

/** The environment the database is started with: never MONGODB_URI (with one, startDatabase starts nothing). */
const ownEnv = { PATH: process.env.PATH };

/** Whether a third of the burst in the queue has gone (a wait of `until`). */
const aThirdSent = (cluster) => async () => ((await cluster.queueLength()) ?? BURST) <= BURST * 0.7;

/** Kills the database outright (SIGKILL) and waits until it is gone: its port is free for its restart. */
async function killDatabase(pid) {
  process.kill(pid, 'SIGKILL');
  const gone = async () => {
    try {
      process.kill(pid, 0);
      return false;
    } catch {
      return true;
    }
  };
  await until(gone, 10_000, 'the killed database is gone');
}

/**
 * The database killed mid-burst while the PMS posts bookings to the web process, and started again on the same
 * data and port after `DOWN_SECONDS`: the burst sent, every booking run and confirmed, no run ended by an engine
 * error.
 */
async function databaseFault({ cluster, clinicId, workers, web, pms }, database, dataDir, port) {
  const ids = await planBurst(cluster, clinicId, 'db', BURST);
  await until(aThirdSent(cluster), 10 * MINUTE, 'a third is sent');
  let nextPost = () => undefined;
  const bookings = postBookings({
    onPost: () => nextPost(),
    base: web.base,
    apiKey: pms.apiKey,
    prefix: 'db',
    count: BOOKINGS,
    perPost: BOOKINGS_PER_POST,
  });
  // Some bookings are on their way through the engine when the database goes.
  await sleep(2_000);
  await killDatabase(database.pid);
  const killedAt = Date.now();
  await sleep(DOWN_SECONDS * 1_000);
  const startAgain = () =>
    startDatabase({ dataDir, logFile: path.join(dataDir, '..', 'db.log'), port, env: ownEnv });
  let restarted = await startAgain();
  const backAt = Date.now();
  for (let i = 0; i < HICCUPS; i++) {
    // While the web process works through a batch (it starts their runs as it takes them), a little later
    // into it each time.
    await within(new Promise((resolve) => (nextPost = resolve)), MINUTE, 'the PMS posts again');
    await sleep(40 * (i + 1));
    await killDatabase(restarted.pid);
    restarted = await startAgain();
  }
  const processes = [...workers, web];
  await cluster.untilSent(processes, SEND_TIMEOUT_MS);
  const posted = await within(bookings.done, SEND_TIMEOUT_MS, 'the PMS posted its bookings');
  const booked = () => cluster.ask((db) => countBookings(db, pms.flowId, BOOKINGS));
  // Every booking taken by the engine and every run past its start, their confirmations out of the queue.
  await cluster.untilOrTell(
    async () => {
      const b = await booked().catch(() => null);
      return b?.pendingEvents === 0 && b.starting === 0 && (await cluster.queueLength()) === 0;
    },
    processes,
    SEND_TIMEOUT_MS,
    'every booking is run',
  );
  // A delivery that lost its queue entry to a fault waits for the consistency sweep (seconds here).
  await settled(
    async () =>
      (await count(cluster, ids)).lost === 0 &&
      (await booked()).confirmationsMissing === 0 &&
      (await cluster.queueLength()) === 0,
    SWEEP_WAIT_MS,
  );
  const recoveredIn = (Date.now() - backAt) / 1000;
  const figures = await count(cluster, ids);
  for (const p of processes) if (!cluster.running(p)) figures.died = p.name;
  return {
    database: restarted,
    figures: { ...figures, downSeconds: (backAt - killedAt) / 1000, recoveredIn },
    posted,
    booked: await booked(),
    // Whether the kills met runs mid-move (each left to be taken over), as the processes logged it.
    movesMet: cluster.logged(processes, /move left to be taken over/).length,
    givenBack: cluster
      .logged(processes, /Queue sweep: (\d+) deliveries had lost their queue entry/)
      .reduce((sum, m) => sum + Number(m[1]), 0),
    // What the web process answered 500 for (its log withholds request values): printed with a 500.
    serverErrors: cluster
      .logged([web], /"context":"ApiExceptionFilter","msg":"((?:[^"\\]|\\.)*)"/)
      .filter((m) => m.input.includes('"level":50'))
      .map((m) => JSON.parse(`"${m[1]}"`)),
  };
}

/**
 * A worker killed with SIGKILL every `KILL_EVERY_MS` while the burst goes (each time the other one, replaced by
 * a fresh process): the burst is slowed to `KILL_RATE` SMS a second (a provider's rate) so that it outlasts
 * several kills.
 */
async function killFault({ cluster, clinicId, workers }) {
  await withSetUp(cluster, (app) => useTheSandbox(app, clinicId, KILL_RATE));
  const ids = await planBurst(cluster, clinicId, 'kill', BURST);
  const startedAt = Date.now();
  let lastKill = startedAt;
  let kills = 0;
  while (((await cluster.queueLength()) ?? BURST) > 0) {
    if (Date.now() - startedAt > SEND_TIMEOUT_MS) {
      console.error(await cluster.leftOver(workers));
      throw new Error('timed out waiting until the burst is sent');
    }
    if (Date.now() - lastKill >= KILL_EVERY_MS) {
      const index = kills % workers.length;
      const victim = workers[index];
      // Killed while it holds a send, so that the kill tests a take-over (at 40 a second a worker is idle a
      // good part of the time, and a kill between sends interrupts nothing).
      await whileHoldingASend(cluster, victim, 3_000);
      victim.child.kill('SIGKILL');
      await victim.exited;
      kills++;
      workers[index] = await cluster.start('worker', victim.name, victim.logFile);
      lastKill = Date.now();
    }
    await sleep(250);
  }
  await withSetUp(cluster, (app) => useTheSandbox(app, clinicId, null));
  return { ...(await count(cluster, ids)), kills, seconds: (Date.now() - startedAt) / 1000 };
}

/** Waits (at most `ms`) until `worker` holds a live claim on a delivery not yet moved on from it. */
async function whileHoldingASend(cluster, worker, ms) {
  const by = new RegExp(`^${hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${worker.child.pid}:`);
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const holding = await cluster
      .ask(async (db) => {
        const claims = await db
          .collection('delivery_claims')
          .find({ by, kind: 'send', leaseUntil: { $gt: new Date() } })
          .toArray();
        if (claims.length === 0) return false;
        const deliveries = await db
          .collection('deliveries')
          .find({ _id: { $in: claims.map((c) => c.deliveryId) } }, { projection: { attempt: 1 } })
          .toArray();
        const attempts = new Map(deliveries.map((d) => [d._id, d.attempt]));
        return claims.some((c) => (attempts.get(c.deliveryId) ?? Infinity) < c.attempt);
      })
      .catch(() => false);
    if (holding) return;
    await sleep(20);
  }
}

/**
 * The clinic's SMS over SMPP to the SMS centre (test mode off, credits for the burst); the SMS centre stopped
 * for `SMSC_DOWN_MS` mid-burst and started again on its port. Every message must go once it is back, none
 * after its expiry, none marked failed while it could still go.
 */
async function smsCentreFault({ cluster, clinicId, workers }) {
  const smsc = await startSmsc(await freePort());
  await withSetUp(cluster, async (app) => {
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
  const ids = await planBurst(cluster, clinicId, 'smpp', BURST, expiresAt);
  try {
    await until(aThirdSent(cluster), 10 * MINUTE, 'a third is sent');
    await smsc.stop();
    await sleep(SMSC_DOWN_MS);
    await smsc.start();
    const backAt = Date.now();
    await cluster.untilSent(workers, SEND_TIMEOUT_MS);
    const doneIn = (Date.now() - backAt) / 1000;
    const figures = await cluster.ask(async (db) => {
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
    await withSetUp(cluster, (app) => useTheSandbox(app, clinicId, null));
  }
}

async function drainFault({ cluster, clinicId, workers }) {
  const ids = await planBurst(cluster, clinicId, 'drain', BURST);
  await until(aThirdSent(cluster), 10 * MINUTE, 'a third is sent');
  const [stopping] = workers;
  const signalledAt = Date.now();
  stopping.child.kill('SIGTERM');
  await stopping.exited;
  const stoppedIn = (Date.now() - signalledAt) / 1000;
  await cluster.untilSent(workers, SEND_TIMEOUT_MS);
  return {
    ...(await count(cluster, ids)),
    stoppedIn,
    exitCode: stopping.child.exitCode ?? stopping.child.signalCode,
  };
}

/** "lost N", with what became of them when some were. */
const lost = (f) => `lost ${f.lost}${f.lost ? ` ${JSON.stringify(f.notSent)}` : ''}`;

/** The database fault's line: the burst, then the bookings posted to the web process meanwhile. */
function printDatabaseFault({ figures: f, posted, booked: b, movesMet, givenBack, serverErrors }) {
  console.log(
    `database killed ${f.downSeconds.toFixed(0)} s mid-burst, then ${HICCUPS} times started again at once: sent ${f.sent}, ${lost(f)}, repeated sends ${f.repeated} ` +
      `(${f.repeatedOutsideDoubt} outside doubt), in doubt ${f.inDoubt}, taken over ${f.takenOver}, ` +
      `all sent ${f.recoveredIn.toFixed(1)} s after the database first came back, queue entries given back ` +
      `by the sweep ${givenBack}${f.died ? `; ${f.died} died` : ''}`,
  );
  const other = Object.entries(posted.other).map(([status, n]) => `${n} × ${status}`);
  console.log(
    `  bookings through the web process meanwhile: ${posted.accepted} accepted (batches refused 503 ${posted.refused503}, ` +
      `unanswered ${posted.unanswered}, refused ${posted.rejected}${other.length ? `, other ${other.join(', ')}` : ''}), runs ${b.runs} ` +
      `for ${b.appointments} appointments, moves that met the database gone ${movesMet}, ended by an engine ` +
      `error ${b.engineErrors}, confirmations sent ` +
      `${b.confirmationsSent}, missing ${b.confirmationsMissing}${b.confirmationsMissing ? ` ${JSON.stringify(b.notSent)}` : ''}, two for one run ${b.sentTwice}, sent twice ` +
      `outside doubt ${b.repeatedOutsideDoubt}`,
  );
  if (other.length) console.log(`  the web process's server errors:\n${serverErrors.join('\n')}`);
  return (
    f.lost > 0 ||
    f.repeatedOutsideDoubt > 0 ||
    Boolean(f.died) ||
    posted.accepted !== BOOKINGS ||
    posted.rejected > 0 ||
    other.length > 0 ||
    b.runs !== BOOKINGS ||
    b.appointments !== BOOKINGS ||
    b.engineErrors > 0 ||
    b.confirmationsMissing > 0 ||
    b.sentTwice > 0 ||
    b.repeatedOutsideDoubt > 0
  );
}

/** The `clinicflow_` lines of a process's metrics matching `pattern` (process metrics left out). */
async function printMetrics(cluster, p, pattern) {
  const text = await cluster.metrics(p);
  console.log(`\nmetrics of ${p.name} (clinicflow_ lines, process metrics left out):`);
  for (const line of text.split('\n')) if (pattern.test(line)) console.log(`  ${line}`);
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
  const cluster = chaosCluster({
    uri: database.uri,
    dbName: DB_NAME,
    secret: SECRET,
    metricsToken: METRICS_TOKEN,
  });
  const workers = [];
  let web = null;
  let failed = false;
  try {
    const { clinicId, pms } = await withSetUp(cluster, async (app) => {
      const clinicId = await createBenchClinic(app);
      await useTheSandbox(app, clinicId, null);
      return { clinicId, pms: await setUpPms(app, clinicId) };
    });
    workers.push(
      await cluster.start('worker', 'worker 1', path.join(dir, 'worker-1.log')),
      await cluster.start('worker', 'worker 2', path.join(dir, 'worker-2.log')),
    );
    web = await cluster.start('web', 'web', path.join(dir, 'web.log'));
    const fault = { cluster, clinicId, workers, web, pms };
    console.log(
      `chaos: ${BURST} SMS a fault, 2 workers and a web process, the embedded database${short ? ' (short)' : ''}\n`,
    );

    if (runs('database')) {
      const db = await databaseFault(fault, database, dataDir, port);
      database = db.database;
      failed ||= printDatabaseFault(db);
    }

    if (runs('kill')) {
      const k = await killFault(fault);
      console.log(
        `a worker killed (SIGKILL) every ${KILL_EVERY_MS / 1000} s mid-burst, ${k.kills} kills in ${k.seconds.toFixed(0)} s: ` +
          `sent ${k.sent}, ${lost(k)}, repeated sends ${k.repeated}, in doubt ${k.inDoubt}, taken over ${k.takenOver}`,
      );
      // The kills must have interrupted sends: some were taken over after their lease.
      failed ||= k.lost > 0 || k.repeated > 0 || k.kills === 0 || k.takenOver === 0;
    }

    if (runs('sms-centre')) {
      const c = await smsCentreFault(fault);
      console.log(
        `SMS centre (SMPP) down ${c.downSeconds.toFixed(0)} s mid-burst: sent ${c.sent}, lost ${c.lost}, ` +
          `failed or expired ${c.failed}, sent after expiry ${c.afterExpiry}, never at the centre ${c.neverSubmitted}, ` +
          `submitted twice ${c.repeated} (${c.repeatedOutsideDoubt} outside doubt), in doubt ${c.inDoubt}, ` +
          `burst done ${c.doneIn.toFixed(1)} s after the centre came back`,
      );
      failed ||=
        c.lost > 0 || c.failed > 0 || c.afterExpiry > 0 || c.neverSubmitted > 0 || c.repeatedOutsideDoubt > 0;
    }

    if (runs('drain')) {
      const d = await drainFault(fault);
      console.log(
        `worker sent SIGTERM mid-burst: stopped in ${d.stoppedIn.toFixed(1)} s (exit ${d.exitCode}), sent ${d.sent}, ` +
          `${lost(d)}, repeated sends ${d.repeated}, in doubt ${d.inDoubt}, taken over ${d.takenOver}`,
      );
      failed ||= d.lost > 0 || d.inDoubt > 0 || d.repeated > 0;
    }

    await printMetrics(cluster, workers[1], /^clinicflow_(sends|queue|events|send_lag_seconds_(count|sum))/);
    await printMetrics(cluster, web, /^clinicflow_(events|http_request_duration_seconds_count)/);
  } finally {
    for (const p of [...workers, web].filter(Boolean)) if (cluster.running(p)) p.child.kill('SIGKILL');
    await database.stop().catch(() => undefined);
    // CHAOS_KEEP=1 keeps the database and the processes' logs for a look afterwards.
    if (process.env.CHAOS_KEEP) console.log(`kept: ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    failed
      ? '\nchaos: FAILED (see above)'
      : '\nchaos: nothing lost, nothing sent twice outside doubt, no run ended by an engine error',
  );
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error.stack ?? String(error));
  process.exit(1);
});
