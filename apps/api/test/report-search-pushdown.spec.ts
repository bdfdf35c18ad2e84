// The report's search box on clinicflow's FerretDB (docs/report.md): an `$or` of plain-text regular expressions
// is narrowed in SQL with LIKE, then checked again in Go. Whatever SQLite's LIKE does with case, accents and its
// own wildcards, a query with the comment `clinicflow:pushdown` must answer exactly what it answers without it.
import { MongoClient, type Collection, type Document, type Filter } from 'mongodb';
import { SQL_PUSHDOWN } from '../src/database/pushdown';
import { foldedTextPattern, searchPattern } from '../src/tenancy/clinic-scoped.repository';
import { testDatabaseName } from './test-app';

interface Row extends Document {
  _id: string;
  clinicId: string;
  status: string;
  createdAt: Date;
  recipient: { name: string | null; address: string | number | null };
  searchText?: string | number | null;
}

const NAMES = [
  'Léa Dupont',
  'LÉA DUPONT',
  'lea dupont',
  'Émile Zola',
  'Kelvin Kurz', // ASCII K
  '\u212Aelvin Kurz', // the Kelvin sign, which Go's case folding matches with k
  'Saskia Sørensen',
  '\u017Faskia', // the long s, folded with s
  '100% Santé',
  'Anne_Marie Roy',
  'Anne-Marie Roy',
  'Ana (tutrice) Pérez',
  'Zoë d\u2019Arc',
  'ß Straße',
  null,
];
const ADDRESSES = ['+33612345678', 'lea.dupont@example.fr', '+4791234567', null, 42];

const FOLDED = [
  'lea dupont +33612345678',
  'emile zola emile@example.fr',
  'saskia sørensen +4791234567',
  'a*b?c [d] e\\f',
  'straße 100% anne_marie',
  42,
  4.2,
  null,
];
const FOLDED_QUERIES = [
  'lea',
  'dupont +336',
  '+33612345678',
  'ø',
  'a*b',
  '?c',
  '[d]',
  'e\\f',
  '%',
  '_',
  '4',
  '2',
  '.',
  'zz',
];

/** What the report's search box sends for `q` (the same $or as DeliveryReportService). */
const search = (q: string): Filter<Row> => ({
  clinicId: 'A',
  $or: [{ 'recipient.name': searchPattern(q) }, { 'recipient.address': searchPattern(q) }],
});

const QUERIES = [
  'dupont',
  'LÉA',
  'léa',
  'lea',
  'émile',
  'kelvin',
  'KURZ',
  'saskia',
  'sørensen',
  '100%',
  '%',
  '_',
  'anne_marie',
  'anne-marie',
  '(tutrice)',
  'd\u2019arc',
  'ss',
  'straße',
  '+336',
  '0612',
  '.fr',
  'nobody at all',
  'EMILE',
  'zoe',
  'Ç',
];

describe('SQL pushdown of the report’s search', () => {
  let client: MongoClient;
  let rows: Collection<Row>;

  beforeAll(async () => {
    client = await MongoClient.connect(process.env.MONGODB_URI!);
    rows = client.db(testDatabaseName()).collection<Row>('deliveries');
    await rows.createIndex({ clinicId: 1, createdAt: -1 });
    await rows.insertMany(
      Array.from({ length: 300 }, (_, i) => ({
        _id: `d${String(i).padStart(3, '0')}`,
        clinicId: i % 4 ? 'A' : 'B',
        status: i % 3 ? 'sent' : 'failed',
        createdAt: new Date(Date.UTC(2026, 0, 1) + (i % 23) * 3_600_000),
        recipient: { name: NAMES[i % NAMES.length], address: ADDRESSES[i % ADDRESSES.length] },
        // Folded text as deliveries store it, and what a field must not be confused with: GLOB's own
        // wildcards, a number, null, nothing.
        ...(i % 17 === 0 ? {} : { searchText: FOLDED[i % FOLDED.length] }),
      })),
    );
  });

  afterAll(async () => {
    await rows.drop();
    await client.close();
  });

  const ids = (docs: Document[]) => docs.map((d) => String(d._id)).sort();

  it.each(QUERIES)('should find, count and group exactly as without pushdown for q = %j', async (q) => {
    const filter = search(q);
    const page = (options: object) =>
      rows.find(filter, options).sort({ createdAt: -1, _id: 1 }).skip(5).limit(20).toArray();
    expect(await page(SQL_PUSHDOWN)).toEqual(await page({}));
    expect(ids(await rows.find(filter, SQL_PUSHDOWN).toArray())).toEqual(
      ids(await rows.find(filter).toArray()),
    );
    expect(await rows.countDocuments(filter, SQL_PUSHDOWN)).toBe(await rows.countDocuments(filter));
    // A pipeline SQLite cannot group (two accumulators) still starts from the rows its $match narrows to.
    const pipeline = [
      { $match: filter },
      { $group: { _id: '$status', count: { $sum: 1 }, rows: { $sum: 1 } } },
      { $sort: { _id: 1 } },
    ];
    expect(await rows.aggregate(pipeline, SQL_PUSHDOWN).toArray()).toEqual(
      await rows.aggregate(pipeline).toArray(),
    );
  });

  it('should find the rows a search means, whatever their case and accents in the query', async () => {
    const names = async (q: string) =>
      (await rows.find({ 'recipient.name': searchPattern(q) }, SQL_PUSHDOWN).toArray()).map(
        (r) => r.recipient.name,
      );
    const allLeas = new Set(['Léa Dupont', 'LÉA DUPONT', 'lea dupont']);
    expect(new Set(await names('léa'))).toEqual(allLeas);
    expect(new Set(await names('LEA'))).toEqual(allLeas);
    expect(new Set(await names('emile zola'))).toEqual(new Set(['Émile Zola']));
    expect(new Set(await names('perez'))).toEqual(new Set(['Ana (tutrice) Pérez']));
    expect(new Set(await names('kelvin'))).toEqual(new Set(['Kelvin Kurz', '\u212Aelvin Kurz']));
    expect(new Set(await names('100%'))).toEqual(new Set(['100% Santé']));
    expect(new Set(await names('anne_marie'))).toEqual(new Set(['Anne_Marie Roy']));
  });

  it('should answer exactly for expressions that are not plain text, and for other options', async () => {
    const filters: Filter<Row>[] = [
      { clinicId: 'A', $or: [{ 'recipient.name': /^L.a/ }, { status: 'failed' }] },
      { clinicId: 'A', $or: [{ 'recipient.name': /dupont$/im }] },
      { clinicId: 'A', $or: [{ 'recipient.name': /\d/ }, { 'recipient.address': /\+47/ }] },
      { clinicId: 'A', 'recipient.name': /Roy/ },
      { clinicId: 'A', $or: [{ 'recipient.name': 'Émile Zola' }, { 'recipient.address': 42 }] },
    ];
    for (const filter of filters) {
      expect(ids(await rows.find(filter, SQL_PUSHDOWN).toArray())).toEqual(
        ids(await rows.find(filter).toArray()),
      );
      expect(await rows.countDocuments(filter, SQL_PUSHDOWN)).toBe(await rows.countDocuments(filter));
    }
  });

  it.each(FOLDED_QUERIES)(
    'should decide a search in folded text exactly in SQL (GLOB) for %j, as FerretDB does without pushdown',
    async (q) => {
      const filter: Filter<Row> = {
        clinicId: 'A',
        $or: [{ searchText: foldedTextPattern(q) }, { searchText: foldedTextPattern(`${q}zz`) }],
      };
      const page = (options: object) =>
        rows.find(filter, options).sort({ createdAt: -1, _id: 1 }).skip(3).limit(10).toArray();
      expect(await page(SQL_PUSHDOWN)).toEqual(await page({}));
      expect(await rows.countDocuments(filter, SQL_PUSHDOWN)).toBe(await rows.countDocuments(filter));
      const pipeline = [{ $match: filter }, { $group: { _id: '$status', count: { $sum: 1 } } }];
      const grouped = (options: object) =>
        rows
          .aggregate(pipeline, options)
          .toArray()
          .then((docs) => docs.sort((x, y) => (x._id < y._id ? -1 : 1)));
      expect(await grouped(SQL_PUSHDOWN)).toEqual(await grouped({}));
    },
  );
});
