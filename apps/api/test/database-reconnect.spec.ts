import { mkdtempSync, rmSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoBulkWriteError, MongoClient } from 'mongodb';
import { isTransientError } from '../src/database/transient-error';
import { toErrorBody } from '../src/http/api-exception.filter';
import { startDatabase } from '../../../scripts/database/embedded-database.cjs';
import { reconnectWhenStuck } from '../src/database/stuck-monitor';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether an insert goes through before `deadline`, trying every quarter second. */
async function insertsBefore(client: MongoClient, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    const done = await client
      .db('reconnect')
      .collection('items')
      .insertOne({ at: new Date() })
      .then(
        () => true,
        () => false,
      );
    if (done) return true;
    await wait(250);
  }
  return false;
}

/**
 * The driver's race, made to happen now: the socket of the client's server check (its "monitor") is closed just
 * as the next check writes to it, as when the database is killed at that moment. The driver then waits for a
 * `drain` that never comes (a closed socket emits neither `drain` nor `error`): the check never ends.
 */
function closeTheCheckSocketAtItsNextWrite(client: MongoClient): void {
  const topology = (client as unknown as { topology: { s: { servers: Map<string, unknown> } } }).topology;
  const [server] = topology.s.servers.values() as IterableIterator<{
    monitor: { connection: { socket: Socket } };
  }>;
  const socket = server.monitor.connection.socket;
  const write = socket.write.bind(socket) as (chunk: Buffer) => boolean;
  socket.write = ((chunk: Buffer) => {
    socket.destroy();
    return write(chunk);
  }) as Socket['write'];
}

describe('reconnectWhenStuck', () => {
  let dir: string;
  let database: Awaited<ReturnType<typeof startDatabase>>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'clinicflow-reconnect-'));
  });

  afterAll(async () => {
    await database?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reconnects a client whose server check never ended, once the database is back', async () => {
    const start = (port?: number) =>
      startDatabase({
        dataDir: path.join(dir, 'data'),
        logFile: path.join(dir, 'db.log'),
        env: { PATH: process.env.PATH },
        port,
        log: () => undefined,
      });
    database = await start();
    const port = Number(new URL(database.uri).port);
    const client = new MongoClient(database.uri, {
      serverSelectionTimeoutMS: 1_000,
      heartbeatFrequencyMS: 500,
    });
    await client.connect();
    const stopWatching = reconnectWhenStuck(client, { limitMs: 3_000, everyMs: 250 });
    const heartbeats = { started: 0, ended: 0 };
    client.on('serverHeartbeatStarted', () => heartbeats.started++);
    client.on('serverHeartbeatFailed', () => heartbeats.ended++);
    client.on('serverHeartbeatSucceeded', () => heartbeats.ended++);
    try {
      expect(await insertsBefore(client, Date.now() + 5_000)).toBe(true);
      closeTheCheckSocketAtItsNextWrite(client);
      await wait(1_500);
      // Wedged: a check started and never ended.
      expect(heartbeats.started).toBe(heartbeats.ended + 1);
      process.kill(database.pid!, 'SIGKILL');
      expect(await insertsBefore(client, Date.now() + 2_000)).toBe(false);
      database = await start(port);
      expect(await insertsBefore(client, Date.now() + 30_000)).toBe(true);
    } finally {
      await stopWatching();
      await client.close();
    }
  });
});

describe('a bulk write meeting the database gone', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'clinicflow-gone-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers 503, not 500, for an insert of many that met the database gone after connecting', async () => {
    const gone = await startDatabase({
      dataDir: path.join(dir, 'data'),
      logFile: path.join(dir, 'db.log'),
      env: { PATH: process.env.PATH },
      log: () => undefined,
    });
    const client = new MongoClient(gone.uri, { serverSelectionTimeoutMS: 500 });
    try {
      const outbox = client.db('gone').collection<{ _id: string }>('pending_events');
      await outbox.insertOne({ _id: 'first' });
      await gone.stop();
      const thrown = await outbox
        .insertMany([{ _id: 'a' }, { _id: 'b' }], { ordered: false })
        .catch((error: unknown) => error);
      // The driver wraps the failed server selection in a bulk error with no code, label or cause.
      expect(thrown).toBeInstanceOf(MongoBulkWriteError);
      expect(isTransientError(thrown)).toBe(true);
      expect(toErrorBody(thrown)).toMatchObject({ statusCode: 503 });
    } finally {
      await client.close();
    }
  });
});
