// The database primitives the engine is allowed to rely on (architecture.md, "FerretDB 1.24 facts"), checked
// against the launched server with the driver. If one of these fails, the engine's exactly-once design breaks.
import { MongoClient, type Db } from 'mongodb';
import { DUPLICATE_KEY } from '../src/database/duplicate-key';
import { testDatabaseName } from './test-app';

describe('database contract', () => {
  let client: MongoClient;
  let db: Db;

  beforeAll(async () => {
    client = await new MongoClient(process.env.MONGODB_URI!).connect();
    db = client.db(testDatabaseName());
  });

  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });

  it('should reject a duplicate insert on a unique index with the duplicate-key code', async () => {
    const claims = db.collection<{ key: string }>('claims');
    await claims.createIndex({ key: 1 }, { unique: true });
    await claims.insertOne({ key: 'delivery-1#1' });
    await expect(claims.insertOne({ key: 'delivery-1#1' })).rejects.toMatchObject({ code: DUPLICATE_KEY });
    expect(await claims.countDocuments({ key: 'delivery-1#1' })).toBe(1);
  });

  it('should reject a second document with the same _id', async () => {
    const attempts = db.collection<{ _id: string }>('attempts');
    const results = await Promise.allSettled([
      attempts.insertOne({ _id: 'run-1:sms24:patient' }),
      attempts.insertOne({ _id: 'run-1:sms24:patient' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: DUPLICATE_KEY } });
  });

  it('should report deletedCount 1 to exactly one of two concurrent deleters', async () => {
    const leases = db.collection<{ _id: string }>('leases');
    for (let round = 0; round < 20; round++) {
      await leases.insertOne({ _id: `lease-${round}` });
      const [a, b] = await Promise.all([
        leases.deleteOne({ _id: `lease-${round}` }),
        leases.deleteOne({ _id: `lease-${round}` }),
      ]);
      expect([a.deletedCount, b.deletedCount].sort()).toEqual([0, 1]);
    }
  });

  it('should insert the rest of an unordered insertMany that holds a duplicate', async () => {
    const deliveries = db.collection<{ _id: string; status: string }>('deliveries');
    await deliveries.insertOne({ _id: 'd2', status: 'scheduled' });
    const error = await deliveries
      .insertMany(
        [
          { _id: 'd1', status: 'scheduled' },
          { _id: 'd2', status: 'scheduled' },
          { _id: 'd3', status: 'scheduled' },
        ],
        { ordered: false },
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: DUPLICATE_KEY, writeErrors: [{ index: 1, code: DUPLICATE_KEY }] });
    expect((await deliveries.find().sort({ _id: 1 }).toArray()).map((d) => d._id)).toEqual([
      'd1',
      'd2',
      'd3',
    ]);
  });

  // Inserts are not bound by the 99 statements of an update (below): the dispatcher's gathered claims, provider
  // links and sandbox messages of a whole scan go as one insert command (database/coalesced.ts).
  it('should answer 500 inserts in one unordered bulkWrite, naming the duplicate among them', async () => {
    const claims = db.collection<{ _id: string }>('delivery_claims');
    await claims.insertOne({ _id: 'c250' });
    const ids = Array.from({ length: 500 }, (_, n) => `c${n}`);
    const error = await claims
      .bulkWrite(
        ids.map((_id) => ({ insertOne: { document: { _id } } })),
        { ordered: false },
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ writeErrors: [{ index: 250, code: DUPLICATE_KEY }] });
    expect(await claims.countDocuments()).toBe(500);
  });

  // Released FerretDB 1.24.2 never answers update statements once 100 of them run at once, in one command or in
  // several (each statement's reader held one of its 100 SQLite connections until the command ended), and the
  // database stays wedged after. Our patch `update-close-per-statement` (docs/database.md) releases each one as
  // its statement ends. Pinned here so that a build without it, or an upgrade that changes it, is noticed; every
  // batched write of the engine still stays at or under MAX_WRITE_STATEMENTS (database/duplicate-key.ts), which
  // MongoDB and a patched FerretDB do not need. The command runs through a client of its own that gives up after
  // a few seconds (a wedged server would otherwise hold the suite), on a database of its own.
  it('should answer 150 updates in one bulkWrite and two bulkWrites of 99 at once', async () => {
    const name = `${testDatabaseName()}_statements`;
    const ids = Array.from({ length: 348 }, (_, n) => `q${n}`);
    await client
      .db(name)
      .collection<{ _id: string; dueAt: number }>('queue')
      .insertMany(ids.map((_id) => ({ _id, dueAt: 0 })));
    const shortLived = new MongoClient(process.env.MONGODB_URI!, {
      socketTimeoutMS: 8_000,
      serverSelectionTimeoutMS: 8_000,
    });
    const queue = shortLived.db(name).collection<{ _id: string; dueAt: number }>('queue');
    const update = (part: string[]) =>
      queue
        .bulkWrite(
          part.map((_id) => ({ updateOne: { filter: { _id }, update: { $set: { dueAt: 1 } } } })),
          { ordered: false },
        )
        .then(
          (result) => `answered, ${result.modifiedCount} modified`,
          (error: Error) => (/timed out/.test(error.message) ? 'no answer' : `refused: ${error.message}`),
        );
    try {
      expect(await update(ids.slice(0, 150))).toBe('answered, 150 modified');
      expect(await Promise.all([update(ids.slice(150, 249)), update(ids.slice(249, 348))])).toEqual([
        'answered, 99 modified',
        'answered, 99 modified',
      ]);
      await client.db(name).dropDatabase();
    } finally {
      await shortLived.close();
    }
  });

  // FerretDB 1.24 computes only the FIRST accumulator of a $group stage; any further $sum comes back as 0
  // (measured here: { n: { $sum: 1 }, credits: { $sum: '$credits' } } gives credits 0). So the contract, and
  // every report query, is one accumulator per $group stage.
  it.each([
    [
      'count',
      { $sum: 1 },
      [
        { _id: 'email', value: 1 },
        { _id: 'sms', value: 3 },
      ],
    ],
    [
      'credits',
      { $sum: '$credits' },
      [
        { _id: 'email', value: 0 },
        { _id: 'sms', value: 3 },
      ],
    ],
  ])('should total %s with $match, $group, $sort and $sum', async (_name, accumulator, expected) => {
    const sent = db.collection('sent');
    if ((await sent.countDocuments()) === 0) {
      await sent.insertMany([
        { clinicId: 'a', channel: 'sms', status: 'delivered', credits: 1 },
        { clinicId: 'a', channel: 'sms', status: 'delivered', credits: 2 },
        { clinicId: 'a', channel: 'sms', status: 'failed', credits: 0 },
        { clinicId: 'a', channel: 'email', status: 'delivered', credits: 0 },
        { clinicId: 'b', channel: 'sms', status: 'delivered', credits: 5 },
      ]);
    }
    const totals = await sent
      .aggregate([
        { $match: { clinicId: 'a' } },
        { $group: { _id: '$channel', value: accumulator } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(totals).toEqual(expected);
  });
});
