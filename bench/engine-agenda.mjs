// Agenda 6 on the engine bench's database (started by engine.bench.mjs with `fork`, never on its own): the job
// scheduler a NestJS team would pick (`agenda` + `@agendajs/mongo-backend`), with the same burst: `count` jobs
// all due when it starts, 16 in flight, each job one insert into a "sent" collection (its "send"). Agenda is
// given every chance: a poll every second, a lock limit of 16, the jobs saved before it starts. It stops after
// `limitSeconds` if not done (its lock queries slow down as the collection grows). Answers over IPC `done`.
import { api } from './bench-api.mjs';

const { uri, dbName, count, limitSeconds } = JSON.parse(process.argv[2]);
const IN_FLIGHT = 16;

// The parent gone (it failed or was stopped), nothing waits for this process: end it rather than linger.
let finished = false;
process.on('disconnect', () => finished || process.exit(1));

async function main() {
  let Agenda, MongoBackend;
  try {
    ({ Agenda } = await import('agenda'));
    ({ MongoBackend } = await import('@agendajs/mongo-backend'));
  } catch {
    finished = true;
    const unavailable = 'agenda or @agendajs/mongo-backend is not installed';
    return process.send({ type: 'done', unavailable }, () => process.exit(0));
  }
  const { MongoClient } = api('mongodb');
  // Agenda's client is monitored; the bench reads through its own, so that only Agenda's commands count.
  const client = await MongoClient.connect(uri, { monitorCommands: true });
  const bench = await MongoClient.connect(uri);
  const commands = { plan: {}, send: {}, idle: {} };
  let phase = 'plan';
  client.on('commandStarted', (event) => {
    commands[phase][event.commandName] = (commands[phase][event.commandName] ?? 0) + 1;
  });
  const db = client.db(dbName);
  const sent = db.collection('sent');
  const sentSeen = bench.db(dbName).collection('sent');
  const agenda = new Agenda({
    backend: new MongoBackend({ mongo: db }),
    processEvery: '1 second',
    maxConcurrency: IN_FLIGHT,
    defaultConcurrency: IN_FLIGHT,
    // Without a lock limit Agenda locks every due job (one findOneAndUpdate each) before it runs any: 0 of
    // 2 000 run in 120 s on FerretDB. With 16 it runs them as it locks them.
    defaultLockLimit: IN_FLIGHT,
  });
  agenda.define('send', async (job) => {
    await sent.insertOne({ _id: job.attrs.data.key, at: new Date() });
  });
  await agenda.ready;

  // Planned: every job saved (due now), 16 saves in flight.
  let started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let i = next++; i < count; i = next++) {
        await agenda
          .create('send', { key: `bench-${i}` })
          .schedule(new Date())
          .save();
      }
    }),
  );
  const planMs = performance.now() - started;

  // Sent: from start until every job has written its document, or the limit.
  phase = 'send';
  const dueAt = new Date();
  started = performance.now();
  await agenda.start();
  let done = 0;
  while (done < count && performance.now() - started < limitSeconds * 1000) {
    await new Promise((r) => setTimeout(r, 250));
    done = await sentSeen.countDocuments();
  }
  const sendMs = performance.now() - started;
  phase = 'idle';
  await agenda.stop();
  const lagsMs = (await sentSeen.find({}, { projection: { at: 1 } }).toArray()).map(
    (d) => d.at.getTime() - dueAt.getTime(),
  );
  await bench.db(dbName).dropDatabase();
  await client.close();
  await bench.close();
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  finished = true;
  const answer = { type: 'done', planMs, sendMs, sent: lagsMs.length, lagsMs, commands, peakRssBytes };
  process.send(answer, () => process.exit(0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
