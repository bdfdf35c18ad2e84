// One API process of the engine bench (started by engine.bench.mjs with `fork`, never on its own): the built API
// (apps/api/dist) in this process against the bench's database, its engine driven by `tick()` as fast as it
// goes. With `plan`, it also creates the bench clinic and plans the burst; a process without joins the clinic's
// sending only (the two-process run). It counts the API's database commands with the driver's command
// monitoring (`monitorCommands=true` in the API's connection string, `commandStarted` on its client) and talks
// to the parent over IPC: `planned` → `go` → `done`.
import { api, benchManager, createBenchClinic, startBenchApi } from './bench-api.mjs';

const { uri, dbName, count, plan, testMode, stallSeconds } = JSON.parse(process.argv[2]);
const PLAN_CHUNK = 1000;

/** The API's commands by phase and name (`find`, `insert`, `update`, `getMore`, …). */
const commands = { plan: {}, idle: {}, send: {} };
/**
 * The statements those commands carried, by phase, command and collection (`update deliveries`: one per document
 * written): where the database's time goes, since FerretDB runs a command's statements one by one.
 */
const statements = { plan: {}, idle: {}, send: {} };
let phase = 'idle';
/** The highest RSS and heap seen by phase (sampled every 50 ms): which phase makes the process's peak. */
const memory = { plan: { rss: 0, heap: 0 }, idle: { rss: 0, heap: 0 }, send: { rss: 0, heap: 0 } };
setInterval(() => {
  const { rss, heapUsed } = process.memoryUsage();
  memory[phase].rss = Math.max(memory[phase].rss, rss);
  memory[phase].heap = Math.max(memory[phase].heap, heapUsed);
}, 50).unref();

/** How many statements a command carries: an insert's documents, an update's or a delete's statements, else 1. */
function statementCount(command) {
  return (command.documents ?? command.updates ?? command.deletes ?? [null]).length;
}

function withCommandMonitoring(connectionString) {
  return `${connectionString}${connectionString.includes('?') ? '&' : '?'}monitorCommands=true`;
}

function nextMessage(type) {
  return new Promise((resolve) =>
    process.on('message', function listener(message) {
      if (message?.type !== type) return;
      process.off('message', listener);
      resolve(message);
    }),
  );
}

/** The sandbox without receipts, no quiet hours, consent not required; credits for the burst unless test mode. */
async function prepareClinic(app, base) {
  const clinicId = await createBenchClinic(app);
  const { SettingsRepository } = api('./modules/settings/settings.repository');
  await app.get(SettingsRepository).replaceSections(clinicId, {
    providers: {
      sms: { kind: 'sandbox', options: { receipts: false }, sealedCredentials: null, credentialKeys: [] },
    },
    quietHours: { windows: [], noSendWeekdays: [], holidays: [] },
    consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
    testMode,
    updatedAt: new Date(),
  });
  if (!testMode) {
    // Through the API's route, whatever the way credits are stored: one credit per SMS, twice over.
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(benchManager),
    });
    const { accessToken } = await login.json();
    const topUp = await fetch(`${base}/settings/credits/top-ups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ credits: Math.min(1_000_000, 2 * count), note: 'bench' }),
    });
    if (!topUp.ok) throw new Error(`the credits top-up answered ${topUp.status}: ${await topUp.text()}`);
  }
  return clinicId;
}

/** Plans the burst all due at one instant an hour from now (the clock jumps there at `go`). */
async function planBurst(app, clinicId) {
  const { DeliveryPlanningService } = api('./modules/deliveries/delivery-planning.service');
  const planning = app.get(DeliveryPlanningService);
  const dueAt = new Date(Date.now() + 3_600_000);
  // The parent reads the database's CPU at this message and at `planned`.
  await new Promise((resolve) => process.send({ type: 'planning' }, resolve));
  phase = 'plan';
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  for (let from = 0; from < count; from += PLAN_CHUNK) {
    const inputs = Array.from({ length: Math.min(PLAN_CHUNK, count - from) }, (_, i) => ({
      key: `bench-${from + i}`,
      channel: 'sms',
      recipient: { type: 'patient', name: 'Bench Patient', address: '+33612345678' },
      sendAt: dueAt,
      template: { byLanguage: { fr: { body: 'Bonjour {{patient.firstName}}, RDV demain à 9 h.' } } },
      language: 'fr',
    }));
    await planning.plan(
      clinicId,
      inputs,
      { timeZone: 'Europe/Paris', origin: 'batch', templateData: { patient: { firstName: 'Léa' } } },
      new Date(),
    );
  }
  const planMs = performance.now() - started;
  const { user, system } = process.cpuUsage(cpuBefore);
  phase = 'idle';
  return { dueAt, planMs, planCpuMs: (user + system) / 1000 };
}

const HUNG = Symbol('hung');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** `promise`, or HUNG if it has not settled within `ms`. */
function withDeadline(promise, ms) {
  let timer;
  const deadline = new Promise((r) => (timer = setTimeout(() => r(HUNG), ms)));
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Ticks until the queue is empty (a send left behind by an error is taken over when its lease ends), or until
 * it has not shrunk for `stallSeconds` (reported as stalled rather than waiting forever).
 */
async function sendBurst(app, queue, dueAt) {
  const { ClockRepository } = api('./common/clock.repository');
  // A tick that did nothing by the engine's own measure (`didWork`) is followed by a wait, as in its loop.
  const { EngineService, didWork } = api('./modules/engine/engine.service');
  const { SQL_PUSHDOWN } = api('./database/pushdown');
  const offset = dueAt.getTime() - Date.now();
  app.get(ClockRepository).now = () => new Date(Date.now() + offset);
  const engine = app.get(EngineService);
  const { DispatcherService } = api('./modules/dispatcher/dispatcher.service');
  const dispatcher = app.get(DispatcherService);
  phase = 'send';
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let left = Infinity;
  let shrankAt = started;
  let checkedAt = 0;
  let ticks = 0;
  for (;;) {
    // A tick that never answers (a database command that hangs) ends the run: nothing would come after it.
    const report = await withDeadline(engine.tick(), stallSeconds * 1000);
    if (report === HUNG) return { sendMs: performance.now() - started, ticks, stalled: true, hung: true };
    const worked = didWork(report);
    ticks++;
    const now = performance.now();
    if (!worked || now - checkedAt >= 1000) {
      checkedAt = now;
      // Counted in SQL on our FerretDB (the pushdown comment): in Go it would decode the whole queue every
      // second, 100 000 entries in the largest burst, and the bench would weigh on what it measures.
      const queued = await queue.countDocuments({}, SQL_PUSHDOWN);
      if (queued < left) [left, shrankAt] = [queued, now];
      if (queued === 0) break;
      if (now - shrankAt > stallSeconds * 1000) break;
    }
    // As the engine: its own sends still in flight wake it when one ends; otherwise it waits.
    if (!worked)
      await Promise.race([sleep(200), ...(dispatcher.sending > 0 ? [dispatcher.oneSendEnded()] : [])]);
  }
  const sendMs = performance.now() - started;
  const { user, system } = process.cpuUsage(cpuBefore);
  phase = 'idle';
  return { sendMs, cpuMs: (user + system) / 1000, ticks, stalled: left > 0, hung: false };
}

// The parent gone (it failed or was stopped), nothing waits for this process: end it rather than linger.
let finished = false;
process.on('disconnect', () => finished || process.exit(1));

async function main() {
  const { MongoClient } = api('mongodb');
  const bench = await MongoClient.connect(uri);
  const db = bench.db(dbName);
  const started = await startBenchApi({ uri: withCommandMonitoring(uri), dbName, http: plan && !testMode });
  const { app } = started;
  app.get(MongoClient).on('commandStarted', (event) => {
    const byName = commands[phase];
    byName[event.commandName] = (byName[event.commandName] ?? 0) + 1;
    // A getMore names its collection in `collection` (its own field holds the cursor's id).
    const collection =
      event.commandName === 'getMore' ? event.command.collection : event.command[event.commandName];
    const key = typeof collection === 'string' ? `${event.commandName} ${collection}` : event.commandName;
    statements[phase][key] = (statements[phase][key] ?? 0) + statementCount(event.command);
  });
  let planned = null;
  if (plan) {
    const clinicId = await prepareClinic(app, started.base);
    planned = await planBurst(app, clinicId);
  }
  process.send({
    type: 'planned',
    dueAt: planned?.dueAt.toISOString() ?? null,
    planMs: planned?.planMs,
    planCpuMs: planned?.planCpuMs,
  });
  const { dueAt } = await nextMessage('go');
  const sent = await sendBurst(app, db.collection('delivery_queue'), new Date(dueAt));
  // A hung tick would hold the API's shutdown (it waits for the tick): then the process just exits.
  if (!sent.hung) await started.close();
  await bench.close();
  // The peak of this process (kilobytes on Linux): the API, its engine and the bench's few reads.
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  finished = true;
  // Exit once the answer is out, whatever handle the API may have left open.
  process.send(
    { type: 'done', ...sent, planMs: planned?.planMs ?? null, commands, statements, peakRssBytes, memory },
    () => process.exit(0),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
