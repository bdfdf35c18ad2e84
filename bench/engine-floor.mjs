// The database floor of the engine bench (engine.bench.mjs): what the same database does with the writes a
// dispatcher is made of, on a scratch collection, with the driver alone. Documents per second for each shape.
import { api } from './bench-api.mjs';

const INSERTED = 10_000;
const INSERT_CHUNK = 1000;
const UPDATED = 3000;
const IN_FLIGHT = 16;
/** Under the statement limit: on FerretDB 1.24 an `update` or `bulkWrite` of 100 statements or more never answers. */
const BULK = 50;
const IN_IDS = 99;

const idOf = (i) => `dlv_floor_${String(i).padStart(7, '0')}`;

/** A document the size of a delivery's hot fields. */
function document(i) {
  return {
    _id: idOf(i),
    clinicId: 'cln_floor',
    status: 'scheduled',
    channel: 'sms',
    sendAt: new Date(),
    attempt: 0,
    recipient: { type: 'patient', name: 'Bench Patient', address: '+33612345678' },
    text: 'Bonjour Léa, nous vous rappelons votre rendez-vous de demain à 9 h au Cabinet du Parc.',
    history: [{ status: 'scheduled', at: new Date(), attempt: 0, reason: null, by: null }],
  };
}

const sent = (n) => ({ $set: { status: 'sent', sentAt: new Date(), attempt: n } });

/**
 * A delivery as planning stores it (`withoutNulls`: the fields not set yet are left out, each would be a value
 * and a type-schema entry in FerretDB's SQLite row).
 */
function delivery(i) {
  const { NULLABLE_DELIVERY_FIELDS, withoutNulls } = api('./modules/deliveries/delivery.document');
  const at = new Date();
  const none = Object.fromEntries(NULLABLE_DELIVERY_FIELDS.map((field) => [field, null]));
  return withoutNulls({
    ...none,
    _id: idOf(i),
    clinicId: 'd6137be3-ef30-4a1a-806e-4970dc3bc576',
    origin: 'batch',
    channel: 'sms',
    recipient: { type: 'patient', name: 'Bench Patient', address: '+33612345678' },
    expectsReply: false,
    template: { byLanguage: { fr: { body: 'Bonjour {{patient.firstName}}, RDV demain à 9 h.' } } },
    language: 'fr',
    sentBy: 'engine',
    templateData: { patient: { firstName: 'Léa' } },
    createdAt: at,
    createdDay: '2026-12-05',
    sendDay: '2026-12-05',
    sendAt: at,
    status: 'scheduled',
    attempt: 0,
    inDoubt: false,
    history: [{ status: 'scheduled', at, attempt: 0, reason: null, by: null }],
    updatedAt: at,
    searchText: `bench patient +33612345678 ${i}`,
  });
}

/** A status change as the dispatcher writes it: its fields and one history entry. */
const statusChange = (status, attempt) => ({
  $set: { status, attempt, updatedAt: new Date(), leaseUntil: new Date() },
  $push: { history: { status, at: new Date(), attempt, reason: null, by: 'floor' } },
});

/** Runs `work` and answers documents per second. */
async function perSecond(documents, work) {
  const started = performance.now();
  await work();
  return (documents * 1000) / (performance.now() - started);
}

/** The rates, in documents per second, on `<dbName>.floor` (dropped afterwards). */
export async function measureFloor(uri, dbName) {
  const client = await api('mongodb').MongoClient.connect(uri);
  const db = client.db(dbName);
  const scratch = db.collection('floor');
  try {
    const insertMany = await perSecond(INSERTED, async () => {
      for (let from = 0; from < INSERTED; from += INSERT_CHUNK) {
        const chunk = Array.from({ length: INSERT_CHUNK }, (_, i) => document(from + i));
        await scratch.insertMany(chunk, { ordered: false });
      }
    });
    let next = 0;
    const updateOne = await perSecond(UPDATED, () =>
      Promise.all(
        Array.from({ length: IN_FLIGHT }, async () => {
          for (let i = next++; i < UPDATED; i = next++) await scratch.updateOne({ _id: idOf(i) }, sent(1));
        }),
      ),
    );
    const bulkWrite = await perSecond(UPDATED, async () => {
      for (let from = 0; from < UPDATED; from += BULK) {
        const ids = Array.from({ length: Math.min(BULK, UPDATED - from) }, (_, i) => idOf(from + i));
        const operations = ids.map((_id) => ({ updateOne: { filter: { _id }, update: sent(2) } }));
        await scratch.bulkWrite(operations, { ordered: false });
      }
    });
    const updateMany = await perSecond(UPDATED, async () => {
      for (let from = 0; from < UPDATED; from += IN_IDS) {
        const ids = Array.from({ length: Math.min(IN_IDS, UPDATED - from) }, (_, i) => idOf(from + i));
        await scratch.updateMany({ _id: { $in: ids } }, sent(3));
      }
    });
    // The same on delivery-shaped documents with the deliveries' indexes: what a status change really costs.
    api('reflect-metadata');
    const { DELIVERY_INDEXES } = api('./modules/deliveries/delivery.repository');
    const deliveries = db.collection('floor_deliveries');
    for (const { key } of DELIVERY_INDEXES) await deliveries.createIndex(key);
    // What planning's deliveries alone cost (each with its report indexes): the ceiling of the planning rate.
    const deliveryInserts = await perSecond(INSERTED, async () => {
      for (let from = 0; from < INSERTED; from += INSERT_CHUNK) {
        const chunk = Array.from({ length: INSERT_CHUNK }, (_, i) => delivery(from + i));
        await deliveries.insertMany(chunk, { ordered: false });
      }
    });
    const deliveryBulkWrite = await perSecond(UPDATED, async () => {
      for (let from = 0; from < UPDATED; from += BULK) {
        const ids = Array.from({ length: Math.min(BULK, UPDATED - from) }, (_, i) => idOf(from + i));
        const operations = ids.map((_id) => ({
          updateOne: { filter: { _id }, update: statusChange('sending', 1) },
        }));
        await deliveries.bulkWrite(operations, { ordered: false });
      }
    });
    const deliveryReads = await perSecond(UPDATED, async () => {
      for (let from = 0; from < UPDATED; from += IN_IDS) {
        const ids = Array.from({ length: Math.min(IN_IDS, UPDATED - from) }, (_, i) => idOf(from + i));
        await deliveries.find({ _id: { $in: ids } }, { comment: 'clinicflow:pushdown' }).toArray();
      }
    });
    return {
      insertMany,
      updateOne,
      bulkWrite,
      updateMany,
      deliveryInserts,
      deliveryBulkWrite,
      deliveryReads,
    };
  } finally {
    await db.dropDatabase();
    await client.close();
  }
}

/** How each rate was measured, for the table and the JSON (the updates run on the 10 000 inserted). */
export const floorShapes = {
  insertMany: `insertMany, ${INSERT_CHUNK} a call (${INSERTED} documents)`,
  updateOne: `updateOne by _id, ${IN_FLIGHT} in flight (${UPDATED} of ${INSERTED})`,
  bulkWrite: `bulkWrite of ${BULK} updateOne by _id (${UPDATED} of ${INSERTED})`,
  updateMany: `updateMany, _id $in ${IN_IDS} ids (${UPDATED} of ${INSERTED})`,
  deliveryInserts: `deliveries: insertMany, ${INSERT_CHUNK} a call (${INSERTED} documents)`,
  deliveryBulkWrite: `deliveries: bulkWrite of ${BULK} status changes (${UPDATED} of ${INSERTED})`,
  deliveryReads: `deliveries: find _id $in ${IN_IDS} ids (${UPDATED} of ${INSERTED})`,
};
