// The engine at scale (issue 18), in one run on one embedded database (the one `npm start` installs): the
// database's floor, then clinicflow's planning and sending of bursts all due at once (one API process each, and
// one run with two processes sharing the 10 000 burst, or `--two-processes`), then Agenda 6 doing the same
// 2 000-message burst.
// Prints a table and writes it to .test-results/bench-engine.json. Figures, never pass/fail. bench/README.md
// says what each figure means. `npm run bench -- engine [--bursts 2000,10000,100000] [--agenda-seconds 120]
// [--stall-seconds 120] [--test-mode] [--two-processes 10000]`; after a build, `node bench/engine.bench.mjs …` does the same.
import { execFileSync, fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { apiNodeOptions } from '../scripts/workspace/api-node-options.mjs';
import { api } from './bench-api.mjs';
import { floorShapes, measureFloor } from './engine-floor.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const { startDatabase } = createRequire(import.meta.url)(
  path.join(root, 'scripts/database/embedded-database.cjs'),
);

const { values: args } = parseArgs({
  options: {
    bursts: { type: 'string', default: '2000,10000' },
    'agenda-burst': { type: 'string', default: '2000' },
    'agenda-seconds': { type: 'string', default: '120' },
    'stall-seconds': { type: 'string', default: '120' },
    'test-mode': { type: 'boolean', default: false },
    'two-processes': { type: 'string' },
  },
});
const BURSTS = args.bursts
  .split(',')
  .map((n) => Number(n.trim().replace(/[_ ]/g, '')))
  .filter((n) => Number.isInteger(n) && n > 0)
  .sort((a, b) => a - b);
if (BURSTS.length === 0) throw new Error('--bursts takes counts separated by commas, e.g. 2000,10000');
const AGENDA_BURST = Number(args['agenda-burst']);
const AGENDA_SECONDS = Number(args['agenda-seconds']);
const STALL_SECONDS = Number(args['stall-seconds']);
const TEST_MODE = args['test-mode'];
// The burst two processes share: 10 000 as the issue measures it when it is among the bursts, else the largest.
const TWO_PROCESS_BURST = Number(args['two-processes'] ?? (BURSTS.includes(10_000) ? 10_000 : BURSTS.at(-1)));
/** The Node.js options of the bench's API processes: those `npm start` gives the API. */
const API_NODE_OPTIONS = apiNodeOptions();

/**
 * Starts a child script of the bench with its config (`node` options added for it: an API process gets those
 * `npm start` gives the API); `expect(type)` resolves on its next such message.
 */
function child(file, config, nodeOptions = []) {
  const worker = fork(path.join(here, file), [JSON.stringify(config)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [...process.execArgv, ...nodeOptions],
  });
  const waiting = [];
  const inbox = [];
  let failure = null;
  const settle = () => {
    for (const w of waiting.splice(0)) {
      const index = inbox.findIndex((m) => m.type === w.type);
      if (index >= 0) w.resolve(inbox.splice(index, 1)[0]);
      else if (failure) w.reject(failure);
      else waiting.push(w);
    }
  };
  worker.on('message', (message) => {
    inbox.push(message);
    settle();
  });
  worker.on('exit', (code, signal) => {
    if (code !== 0) failure = new Error(`bench/${file} exited with ${code ?? signal}`);
    else failure = new Error(`bench/${file} ended without answering`);
    settle();
  });
  return {
    expect: (type) =>
      new Promise((resolve, reject) => {
        waiting.push({ type, resolve, reject });
        settle();
      }),
    send: (message) => worker.send(message),
  };
}

/** The p-th percentile of sorted milliseconds, in seconds (null when there is none). */
function percentileSeconds(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] / 1000;
}

/** Milliseconds of CPU a process has used (Linux: /proc), or null where that cannot be read. */
function cpuMsOf(pid) {
  try {
    // utime and stime, the 14th and 15th fields, counted after the command name (which may hold spaces).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1).split(' ');
    const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

const total = (byName) => Object.values(byName).reduce((sum, n) => sum + n, 0);

/** Commands of several processes of one phase, added up by name. */
function addCommands(list) {
  const sum = {};
  for (const byName of list) for (const [name, n] of Object.entries(byName)) sum[name] = (sum[name] ?? 0) + n;
  return sum;
}

/** A run of clinicflow: `processes` API processes; the first creates the clinic and plans `count` messages. */
async function runClinicflow(client, uri, { label, count, processes, databasePid }) {
  const dbName = `engine_${count}_${processes}p_bench`;
  const config = { uri, dbName, count, testMode: TEST_MODE, stallSeconds: STALL_SECONDS };
  console.log(`  ${label}: planning…`);
  const planner = child('engine-worker.mjs', { ...config, plan: true }, API_NODE_OPTIONS);
  await planner.expect('planning');
  const databasePlanCpuBefore = databasePid ? cpuMsOf(databasePid) : null;
  const { dueAt, planMs, planCpuMs } = await planner.expect('planned');
  const databasePlanCpuAfter = databasePid ? cpuMsOf(databasePid) : null;
  // The others start once the burst is planned, so that their start-up does not slow the planning down.
  const joiners = Array.from({ length: processes - 1 }, () =>
    child('engine-worker.mjs', { ...config, plan: false }, API_NODE_OPTIONS),
  );
  await Promise.all(joiners.map((j) => j.expect('planned')));
  console.log(`  ${label}: sending…`);
  const all = [planner, ...joiners];
  // The database's CPU over the sends: where each message's time goes when the database is the limit.
  const databaseCpuBefore = databasePid ? cpuMsOf(databasePid) : null;
  for (const p of all) p.send({ type: 'go', dueAt });
  const done = await Promise.all(all.map((p) => p.expect('done')));
  const databaseCpuAfter = databasePid ? cpuMsOf(databasePid) : null;

  const db = client.db(dbName);
  const deliveries = await db
    .collection('deliveries')
    .find({}, { projection: { status: 1, sendAt: 1, sentAt: 1, 'error.reason': 1 } })
    .toArray();
  const sent = deliveries.filter((d) => d.sentAt);
  const lags = sent.map((d) => d.sentAt.getTime() - d.sendAt.getTime()).sort((a, b) => a - b);
  // Summed here rather than with $group, whose `$sum: 1` FerretDB 1.24 answers as 0.
  const held = await db
    .collection('sandbox_messages')
    .find({}, { projection: { sendCalls: 1 } })
    .toArray();
  const repeatedSends = held.reduce((sum, m) => sum + Math.max(0, (m.sendCalls ?? 1) - 1), 0);
  await db.dropDatabase();
  const notSent = {};
  for (const d of deliveries.filter((d) => !d.sentAt)) {
    const why = `${d.status}${d.error?.reason ? ` (${d.error.reason})` : ''}`;
    notSent[why] = (notSent[why] ?? 0) + 1;
  }
  const sendMs = Math.max(...done.map((d) => d.sendMs));
  const sendCommands = addCommands(done.map((d) => d.commands.send));
  return {
    label,
    engine: 'clinicflow',
    burst: count,
    processes,
    plannedPerSecond: (count * 1000) / planMs,
    sentPerSecond: (sent.length * 1000) / sendMs,
    sent: sent.length,
    sendSeconds: sendMs / 1000,
    lagP50Seconds: percentileSeconds(lags, 50),
    lagP99Seconds: percentileSeconds(lags, 99),
    roundTripsPerPlanned: total(done[0].commands.plan) / count,
    databaseCpuMsPerPlanned:
      databasePlanCpuBefore === null || databasePlanCpuAfter === null
        ? null
        : (databasePlanCpuAfter - databasePlanCpuBefore) / count,
    apiCpuMsPerPlanned: planCpuMs / count,
    roundTripsPerSent: total(sendCommands) / Math.max(1, sent.length),
    databaseCpuMsPerSent:
      databaseCpuBefore === null || databaseCpuAfter === null
        ? null
        : (databaseCpuAfter - databaseCpuBefore) / Math.max(1, sent.length),
    apiCpuMsPerSent: done.reduce((sum, d) => sum + d.cpuMs, 0) / Math.max(1, sent.length),
    commandsPerSent: Object.fromEntries(
      Object.entries(sendCommands).map(([name, n]) => [name, n / Math.max(1, sent.length)]),
    ),
    statementsPerSent: Object.fromEntries(
      Object.entries(addCommands(done.map((d) => d.statements.send))).map(([key, n]) => [
        key,
        n / Math.max(1, sent.length),
      ]),
    ),
    // Calls to the sandbox that repeated a message it already held (a message handed over twice).
    repeatedSends,
    peakRssMiB: done.map((d) => d.peakRssBytes / 1024 / 1024),
    // The first process's highest RSS and heap while planning and while sending (sampled): where the peak is.
    memoryMiB: Object.fromEntries(
      ['plan', 'send'].map((phase) => [
        phase,
        { rss: done[0].memory[phase].rss / 1024 / 1024, heap: done[0].memory[phase].heap / 1024 / 1024 },
      ]),
    ),
    stalled: done.some((d) => d.stalled),
    hung: done.some((d) => d.hung),
    notSent,
  };
}

async function runAgenda(uri) {
  const label = `Agenda 6, ${AGENDA_BURST}`;
  console.log(`  ${label}: saving jobs, then running them (at most ${AGENDA_SECONDS} s)…`);
  const agenda = child('engine-agenda.mjs', {
    uri,
    dbName: 'engine_agenda_bench',
    count: AGENDA_BURST,
    limitSeconds: AGENDA_SECONDS,
  });
  const done = await agenda.expect('done');
  if (done.unavailable)
    return { label, engine: 'agenda', burst: AGENDA_BURST, unavailable: done.unavailable };
  const lags = done.lagsMs.sort((a, b) => a - b);
  return {
    label,
    engine: 'agenda',
    burst: AGENDA_BURST,
    processes: 1,
    plannedPerSecond: (AGENDA_BURST * 1000) / done.planMs,
    sentPerSecond: (done.sent * 1000) / done.sendMs,
    sent: done.sent,
    sendSeconds: done.sendMs / 1000,
    lagP50Seconds: percentileSeconds(lags, 50),
    lagP99Seconds: percentileSeconds(lags, 99),
    roundTripsPerPlanned: total(done.commands.plan) / AGENDA_BURST,
    roundTripsPerSent: total(done.commands.send) / Math.max(1, done.sent),
    commandsPerSent: Object.fromEntries(
      Object.entries(done.commands.send).map(([name, n]) => [name, n / Math.max(1, done.sent)]),
    ),
    repeatedSends: null,
    peakRssMiB: [done.peakRssBytes / 1024 / 1024],
    stalled: done.sent < AGENDA_BURST,
    notSent:
      done.sent < AGENDA_BURST ? { [`not run within ${AGENDA_SECONDS} s`]: AGENDA_BURST - done.sent } : {},
  };
}

const n0 = (n) => (n == null ? '—' : Math.round(n).toLocaleString('en-US'));
const n2 = (n) => (n == null ? '—' : n.toFixed(2));

function table(result) {
  const lines = [];
  const { floor, runs, ratio } = result;
  lines.push(
    `engine bench: ${result.database}, node ${result.node} (API: ${result.apiNodeOptions.join(' ') || 'no options'}), ${result.cpus} cores, load ${result.loadAverage.join(' ')} at start${result.testMode ? ', test mode (no credits)' : ''}`,
    '',
  );
  const shapeWidth = Math.max(...Object.values(floorShapes).map((shape) => shape.length)) + 2;
  lines.push(`${'database floor (scratch collections)'.padEnd(shapeWidth + 2)}${'documents/s'.padStart(11)}`);
  for (const [key, shape] of Object.entries(floorShapes))
    lines.push(`  ${shape.padEnd(shapeWidth)}${n0(floor[key]).padStart(11)}`);
  const shown = runs.filter((r) => !r.unavailable);
  const width = Math.max(18, ...shown.map((r) => r.label.length + 2));
  const row = (name, f) => `  ${name.padEnd(30)}${shown.map((r) => f(r).padStart(width)).join('')}`;
  lines.push('', `${''.padEnd(32)}${shown.map((r) => r.label.padStart(width)).join('')}`);
  lines.push(
    row('planned /s', (r) => n0(r.plannedPerSecond)),
    row('sent /s', (r) => n0(r.sentPerSecond)),
    row('sent', (r) => `${n0(r.sent)} of ${n0(r.burst)}${r.stalled ? ' !' : ''}`),
    row('lag due → sent, p50 (s)', (r) => n2(r.lagP50Seconds)),
    row('lag due → sent, p99 (s)', (r) => n2(r.lagP99Seconds)),
    row('round trips / sent', (r) => n2(r.roundTripsPerSent)),
    row('round trips / planned', (r) => n2(r.roundTripsPerPlanned)),
    row('database CPU / sent (ms)', (r) => n2(r.databaseCpuMsPerSent)),
    row('API CPU / sent (ms)', (r) => n2(r.apiCpuMsPerSent)),
    row('database CPU / planned (ms)', (r) => n2(r.databaseCpuMsPerPlanned)),
    row('API CPU / planned (ms)', (r) => n2(r.apiCpuMsPerPlanned)),
    row('repeated sends', (r) => (r.repeatedSends == null ? '—' : n0(r.repeatedSends))),
    row('peak RSS (MiB)', (r) => r.peakRssMiB.map(n0).join(' + ')),
  );
  for (const r of runs) {
    if (r.unavailable) {
      lines.push('', `${r.label}: left out, ${r.unavailable}`);
      continue;
    }
    const top = Object.entries(r.commandsPerSent)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([name, n]) => `${name} ${n2(n)}`);
    lines.push('', `${r.label}: commands per sent message: ${top.join(', ') || 'none'}`);
    if (r.memoryMiB) {
      const { plan, send } = r.memoryMiB;
      lines.push(
        `  first process, highest sampled RSS / heap used (MiB): planning ${n0(plan.rss)} / ${n0(plan.heap)}, ` +
          `sending ${n0(send.rss)} / ${n0(send.heap)}`,
      );
    }
    if (r.statementsPerSent) {
      const byCollection = Object.entries(r.statementsPerSent)
        .filter(([, n]) => n >= 0.005)
        .sort((a, b) => b[1] - a[1])
        .map(([key, n]) => `${key} ${n2(n)}`);
      lines.push(`  statements per sent message: ${byCollection.join(', ') || 'none'}`);
    }
    const others = Object.entries(r.notSent).map(([why, n]) => `${n0(n)} ${why}`);
    if (others.length) lines.push(`  not sent: ${others.join('; ')}`);
    if (r.hung) lines.push(`  stopped: a tick did not answer within ${STALL_SECONDS} s`);
    else if (r.stalled && r.engine === 'clinicflow')
      lines.push(`  stopped: the queue did not shrink for ${STALL_SECONDS} s`);
  }
  if (ratio)
    lines.push('', `sent /s, clinicflow / Agenda 6 (${n0(ratio.burst)}): ${ratio.value.toFixed(1)}×`);
  return lines.join('\n');
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clinicflow-engine-bench-'));
  const database = await startDatabase({ dataDir: path.join(dir, 'db'), logFile: path.join(dir, 'db.log') });
  const client = await api('mongodb').MongoClient.connect(database.uri);
  const result = {
    at: new Date().toISOString(),
    database: database.kind,
    node: process.version,
    apiNodeOptions: API_NODE_OPTIONS,
    cpus: os.cpus().length,
    loadAverage: os.loadavg().map((n) => n.toFixed(2)),
    testMode: TEST_MODE,
    floor: null,
    runs: [],
    ratio: null,
  };
  try {
    console.log('database floor…');
    result.floor = await measureFloor(database.uri, 'engine_floor_bench');
    for (const count of BURSTS) {
      const run = await runClinicflow(client, database.uri, {
        label: `clinicflow ${count}`,
        count,
        processes: 1,
        databasePid: database.pid,
      });
      result.runs.push(run);
    }
    if (TWO_PROCESS_BURST > 0) {
      result.runs.push(
        await runClinicflow(client, database.uri, {
          label: `2 processes ${TWO_PROCESS_BURST}`,
          count: TWO_PROCESS_BURST,
          processes: 2,
          databasePid: database.pid,
        }),
      );
    }
    const agenda = await runAgenda(database.uri);
    result.runs.push(agenda);
    const same = result.runs.find(
      (r) => r.engine === 'clinicflow' && r.processes === 1 && r.burst === AGENDA_BURST,
    );
    if (same && !agenda.unavailable && agenda.sentPerSecond > 0)
      result.ratio = { burst: AGENDA_BURST, value: same.sentPerSecond / agenda.sentPerSecond };
  } finally {
    await client.close();
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const printed = table(result);
  console.log(`\n${printed}\n`);
  const out = path.join(root, '.test-results', 'bench-engine.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ ...result, printed }, null, 2)}\n`);
  console.log(`written to ${path.relative(root, out)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
