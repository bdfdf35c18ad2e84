// The database primitives the engine is allowed to rely on (architecture.md, "FerretDB 1.24 facts"), checked
// against the launched server through mongoose. If one of these fails, the engine's exactly-once design breaks.
import mongoose, { Connection, Schema } from 'mongoose';
import { testDatabaseName } from './test-app';

const DUPLICATE_KEY = 11000;

describe('database contract', () => {
  let connection: Connection;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGODB_URI!, { dbName: testDatabaseName() })
      .asPromise();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('should reject a duplicate insert on a unique index with the duplicate-key code', async () => {
    const Claim = connection.model('Claim', new Schema({ key: { type: String, unique: true } }));
    await Claim.init();
    await Claim.create({ key: 'delivery-1#1' });
    await expect(Claim.create({ key: 'delivery-1#1' })).rejects.toMatchObject({ code: DUPLICATE_KEY });
    expect(await Claim.countDocuments({ key: 'delivery-1#1' })).toBe(1);
  });

  it('should reject a second document with the same _id', async () => {
    const Attempt = connection.model('Attempt', new Schema({ _id: String }));
    const results = await Promise.allSettled([
      Attempt.create({ _id: 'run-1:sms24:patient' }),
      Attempt.create({ _id: 'run-1:sms24:patient' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: DUPLICATE_KEY } });
  });

  it('should report deletedCount 1 to exactly one of two concurrent deleters', async () => {
    const Lease = connection.model('Lease', new Schema({ _id: String }));
    for (let round = 0; round < 20; round++) {
      await Lease.create({ _id: `lease-${round}` });
      const [a, b] = await Promise.all([
        Lease.deleteOne({ _id: `lease-${round}` }),
        Lease.deleteOne({ _id: `lease-${round}` }),
      ]);
      expect([a.deletedCount, b.deletedCount].sort()).toEqual([0, 1]);
    }
  });

  it('should insert the rest of an unordered insertMany that holds a duplicate', async () => {
    const Delivery = connection.model('Delivery', new Schema({ _id: String, status: String }));
    await Delivery.create({ _id: 'd2', status: 'scheduled' });
    const error = await Delivery.insertMany(
      [
        { _id: 'd1', status: 'scheduled' },
        { _id: 'd2', status: 'scheduled' },
        { _id: 'd3', status: 'scheduled' },
      ],
      { ordered: false },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: DUPLICATE_KEY });
    expect((await Delivery.find().sort({ _id: 1 }).lean()).map((d) => d._id)).toEqual(['d1', 'd2', 'd3']);
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
    const Sent =
      connection.models.Sent ??
      connection.model(
        'Sent',
        new Schema({ clinicId: String, channel: String, status: String, credits: Number }),
      );
    if ((await Sent.countDocuments()) === 0) {
      await Sent.insertMany([
        { clinicId: 'a', channel: 'sms', status: 'delivered', credits: 1 },
        { clinicId: 'a', channel: 'sms', status: 'delivered', credits: 2 },
        { clinicId: 'a', channel: 'sms', status: 'failed', credits: 0 },
        { clinicId: 'a', channel: 'email', status: 'delivered', credits: 0 },
        { clinicId: 'b', channel: 'sms', status: 'delivered', credits: 5 },
      ]);
    }
    const totals = await Sent.aggregate([
      { $match: { clinicId: 'a' } },
      { $group: { _id: '$channel', value: accumulator } },
      { $sort: { _id: 1 } },
    ]);
    expect(totals).toEqual(expected);
  });
});
