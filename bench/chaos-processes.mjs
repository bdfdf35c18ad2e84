// The processes of `npm run chaos` and what it asks the database: the built API started as a worker or a web
// process, waits that survive the database going away, and what was left when a wait timed out.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { api } from './bench-api.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { freePort } = createRequire(import.meta.url)(
  path.join(root, 'scripts/database/embedded-database.cjs'),
);
const { MongoClient } = api('mongodb');

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `condition()` is true or `ms` have passed; answers whether it came true. */
export async function settled(condition, ms) {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (await condition().catch(() => false)) return true;
    await sleep(500);
  }
  return false;
}

/** Waits until `condition()` is true, asking every quarter second; throws after `timeoutMs`. */
export async function until(condition, timeoutMs, what) {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting until ${what}`);
    await sleep(250);
  }
}

/** `promise`, or an error once `timeoutMs` passed without it. */
export async function within(promise, timeoutMs, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting until ${what}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Deliveries not sent, by status and error code (`failed:provider-error`), for a line that says why. */
export function notSentBy(deliveries) {
  const by = {};
  for (const d of deliveries.filter((d) => d.status !== 'sent' && d.status !== 'delivered')) {
    const key = d.error?.code ? `${d.status}:${d.error.code}` : d.status;
    by[key] = (by[key] ?? 0) + 1;
  }
  return by;
}

/**
 * The chaos database at `uri` (its database `dbName`) and the processes started on it, which share `secret`
 * (sealed provider credentials) and `metricsToken`.
 */
export function chaosCluster({ uri, dbName, secret, metricsToken }) {
  /** The built API as a process of its own: a `worker` (the engine) or `web` (HTTP), logging to `logFile`. */
  async function start(role, name, logFile) {
    const port = await freePort();
    const log = openSync(logFile, 'a');
    const child = spawn(process.execPath, [path.join(root, 'apps/api/dist/main.js')], {
      env: {
        ...process.env,
        CLINICFLOW_ROLE: role,
        ...(role === 'worker' ? { ENGINE_ENABLED: 'true' } : {}),
        PORT: String(port),
        HOST: '127.0.0.1',
        MONGODB_URI: uri,
        MONGODB_DB_NAME: dbName,
        APP_SECRET: secret,
        METRICS_TOKEN: metricsToken,
        // What the processes met, in their log files: printed when a run fails.
        LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? 'warn',
        ENGINE_TICK_MS: '100',
        DISPATCH_LEASE_SECONDS: '10',
        // A delivery that lost its queue entry to a fault is given it back within a minute, not minutes; not
        // sooner than a send's lease and its timeout (a send in flight has no entry), nor so often that the
        // sweep's scans slow the sends down.
        QUEUE_REPAIR_EVERY_SECONDS: '15',
        QUEUE_REPAIR_SETTLE_SECONDS: '30',
        DISPATCH_CONCURRENCY: '16',
        SEED_DEMO: 'false',
        EDITOR_DIST_DIR: '/nonexistent',
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
    return { name, role, child, base, exited, logFile };
  }

  const running = (p) => p.child.exitCode === null && !p.child.signalCode;

  /** A fresh reader for each question: it must survive the database going away. */
  async function ask(question) {
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1_000, connectTimeoutMS: 1_000 });
    try {
      await client.connect();
      return await question(client.db(dbName));
    } finally {
      await client.close().catch(() => undefined);
    }
  }

  /** Entries in the send queue (null while the database is away). */
  const queueLength = () => ask((db) => db.collection('delivery_queue').countDocuments()).catch(() => null);

  /** The lines of these processes' logs that match `pattern`, as matches (`match[1]`: its first group). */
  const logged = (processes, pattern) =>
    processes.flatMap((p) =>
      readFileSync(p.logFile, 'utf8')
        .split('\n')
        .map((l) => pattern.exec(l))
        .filter(Boolean),
    );

  /** A process's Prometheus text. */
  const metrics = (p) =>
    fetch(`${p.base}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } }).then((r) =>
      r.text(),
    );

  /** What is left in the queue and in whose hands, for a run that timed out: the statuses and claims, no ids. */
  async function leftOver(processes) {
    const left = await ask(async (db) => {
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
      const pendingEvents = await db.collection('events').countDocuments({ 'engine.status': 'pending' });
      return { entries: entries.length, due, byStatus, leaseSecondsLeft: leases.slice(0, 10), pendingEvents };
    }).catch((error) => ({ unreadable: String(error) }));
    const alive = processes.map((p) => `${p.name}: ${running(p) ? 'running' : 'stopped'}`);
    const gauges = [];
    for (const p of processes.filter((p) => p.role === 'worker' && running(p))) {
      const text = await metrics(p).catch((error) => `unanswered: ${error}`);
      const lines = text
        .split('\n')
        .filter((l) => /^clinicflow_(sends_total|queue_due|queue_entries)/.test(l));
      gauges.push(`${p.name}: ${lines.join('; ') || text.slice(0, 200)}`);
    }
    const logs = processes.map((p) => {
      const lines = readFileSync(p.logFile, 'utf8').trimEnd().split('\n');
      return `last lines of ${p.name}'s log (${lines.length} lines):\n${lines.slice(-30).join('\n')}`;
    });
    return [`left: ${JSON.stringify(left)}`, alive.join(', '), ...gauges, ...logs].join('\n');
  }

  /** Waits until `condition()`; when it times out, prints what was left before throwing. */
  async function untilOrTell(condition, processes, timeoutMs, what) {
    try {
      await until(condition, timeoutMs, what);
    } catch (error) {
      console.error(await leftOver(processes));
      throw error;
    }
  }

  /** Waits until the send queue is empty. */
  const untilSent = (processes, timeoutMs) =>
    untilOrTell(async () => (await queueLength()) === 0, processes, timeoutMs, 'the burst is sent');

  return { uri, dbName, start, running, ask, queueLength, logged, metrics, leftOver, untilOrTell, untilSent };
}
