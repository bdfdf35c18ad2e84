// The SQL pushdown of clinicflow's FerretDB (docs/report.md), checked against the launched server: a query
// with the comment `clinicflow:pushdown` must answer exactly what the same query without it answers (FerretDB's
// own filtering, sorting and grouping in Go), for the shapes the report sends. On MongoDB both are the same query.
import { MongoClient, type Collection, type Document, type Filter } from 'mongodb';
import { SQL_PUSHDOWN } from '../src/database/pushdown';
import { SORT_ORDERS } from '../src/modules/deliveries/delivery-report.repository';
import { testDatabaseName } from './test-app';

interface Row extends Document {
  _id: string;
  clinicId: string;
  status: string;
  channel: string;
  createdAt: Date;
  sendAt: Date;
  deliveredAt?: Date | null;
  sendDay: string;
  credits: number | null;
  flowId: string | null;
  name: string;
  sentBy: string;
  error?: { code: string; reason: string } | null;
}

const STATUSES = ['sent', 'failed', 'delivered', 'skipped'];
const HOUR = 3_600_000;

describe('SQL pushdown of the report’s queries', () => {
  let client: MongoClient;
  let rows: Collection<Row>;

  beforeAll(async () => {
    client = await MongoClient.connect(process.env.MONGODB_URI!);
    rows = client.db(testDatabaseName()).collection<Row>('deliveries');
    await rows.createIndex({ clinicId: 1, createdAt: -1 });
    await rows.createIndex({ clinicId: 1, status: 1, channel: 1 });
    await rows.createIndex({ clinicId: 1, sendDay: 1, status: 1, channel: 1, credits: 1 });
    await rows.createIndex({ clinicId: 1, sendAt: -1, createdAt: -1 });
    await rows.createIndex({ clinicId: 1, deliveredAt: -1, createdAt: -1 });
    await rows.createIndex({ clinicId: 1, sentBy: 1, createdAt: -1 });
    // Many equal createdAt and sendAt values, so that the tie-breaks decide which rows make a page; a
    // delivery time that is a date, null or missing.
    await rows.insertMany(
      Array.from({ length: 400 }, (_, i) => ({
        _id: `d${String(i).padStart(3, '0')}`,
        clinicId: i % 3 ? 'A' : 'B',
        status: STATUSES[i % STATUSES.length],
        channel: i % 2 ? 'sms' : 'email',
        createdAt: new Date(Date.UTC(2026, 0, 1) + (i % 37) * HOUR),
        sendAt: new Date(Date.UTC(2026, 0, 2) + (i % 11) * HOUR),
        ...(i % 5 === 0
          ? {}
          : { deliveredAt: i % 5 === 1 ? null : new Date(Date.UTC(2026, 0, 3) + (i % 13) * HOUR) }),
        sendDay: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}`,
        credits: i % 4 ? i % 5 : null,
        flowId: i % 7 ? `F${i % 3}` : null,
        name: `Patient ${i}`,
        sentBy: i % 5 ? 'engine' : `user${i % 4}@cabinet.example`,
        // an error with a code, null, or none at all (older deliveries)
        ...(i % 9 === 0
          ? {}
          : { error: i % 5 < 2 ? { code: i % 2 ? 'credits-exhausted' : 'bad-number', reason: 'r' } : null }),
      })),
    );
  });

  afterAll(async () => {
    await rows.drop();
    await client.close();
  });

  const byId = (docs: Document[]) =>
    [...docs].sort((x, y) => JSON.stringify(x._id).localeCompare(JSON.stringify(y._id)));

  const filters: [string, Filter<Row>][] = [
    ['a clinic', { clinicId: 'A' }],
    ['an $in of statuses', { clinicId: 'A', status: { $in: ['failed', 'sent'] } }],
    ['an empty $in', { clinicId: 'A', status: { $in: [] } }],
    [
      'a date range',
      {
        clinicId: 'A',
        createdAt: { $gte: new Date('2026-01-01T05:00:00Z'), $lt: new Date('2026-01-02T00:00:00Z') },
      },
    ],
    ['a day range', { clinicId: 'A', sendDay: { $gte: '2026-01-05', $lte: '2026-01-10' } }],
    ['an equality beside nulls', { clinicId: 'A', flowId: 'F1' }],
    ['a number range beside nulls', { clinicId: 'A', credits: { $gt: 0 } }],
    ['a part SQL cannot do ($or, regex)', { clinicId: 'A', $or: [{ name: /t 1/ }, { status: 'sent' }] }],
    ['a clinic with nothing', { clinicId: 'Z' }],
    ['who sent it', { clinicId: 'A', sentBy: 'user2@cabinet.example' }],
    [
      'an error code (a dotted field beside nulls and absent errors)',
      { clinicId: 'A', status: 'failed', 'error.code': 'credits-exhausted' },
    ],
  ];

  it.each(filters)(
    'should page exactly as without pushdown for %s, in every order',
    async (_title, filter) => {
      for (const [name, sort] of Object.entries(SORT_ORDERS)) {
        for (const skip of [0, 40, 120]) {
          const find = (options: object) =>
            rows.find(filter, options).sort(sort).skip(skip).limit(40).toArray();
          expect({ name, skip, page: await find(SQL_PUSHDOWN) }).toEqual({
            name,
            skip,
            page: await find({}),
          });
        }
      }
    },
  );

  it.each(filters)('should count and group exactly as without pushdown for %s', async (_title, filter) => {
    expect(await rows.countDocuments(filter, SQL_PUSHDOWN)).toBe(await rows.countDocuments(filter));
    if (filter.sentBy || filter['error.code']) expect(await rows.countDocuments(filter)).toBeGreaterThan(0);
    const groups: Document[] = [
      { _id: '$status', count: { $sum: 1 } },
      { _id: { day: '$sendDay', status: '$status', channel: '$channel' }, count: { $sum: 1 } },
      { _id: '$flowId', count: { $sum: 1 } },
      { _id: '$sendDay', credits: { $sum: '$credits' } },
      { _id: '$createdAt', count: { $sum: 1 } },
    ];
    for (const group of groups) {
      const pipeline = [{ $match: filter }, { $group: group }];
      const pushed = await rows.aggregate(pipeline, SQL_PUSHDOWN).toArray();
      expect(byId(pushed)).toEqual(byId(await rows.aggregate(pipeline).toArray()));
    }
  });

  it('should return every document for an empty filter with the comment', async () => {
    const all = await rows.find({}, SQL_PUSHDOWN).toArray();
    expect(all).toHaveLength(400);
  });
});
