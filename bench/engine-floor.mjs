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

/** Runs `work` and answers documents per second. */
async function perSecond(documents, work) {
  const started = performance.now();
  await work();
  return (documents * 1000) / (performance.now() - started);
}

/** The four rates, in documents per second, on `<dbName>.floor` (dropped afterwards). */
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
    return { insertMany, updateOne, bulkWrite, updateMany };
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
};
