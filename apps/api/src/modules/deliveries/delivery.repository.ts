import { DELIVERY_OUTCOMES } from '@clinicflow/contract';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Channel } from '@clinicflow/rules';
import { Db, type Collection } from 'mongodb';
import { inWriteChunks } from '../../database/duplicate-key';
import { foldForSearch } from '../../tenancy/clinic-scoped.repository';
import {
  CREDITS_EXHAUSTED,
  NULLABLE_DELIVERY_FIELDS,
  queuedStatuses,
  sentByOf,
  type DeliveryDocument,
  type DeliveryHistoryEntry,
  type DeliveryStatus,
  withoutNulls,
} from './delivery.document';
import { CoalescedMatches, CoalescedReads, CoalescedWrites } from '../../database/coalesced';
import { SQL_PUSHDOWN } from '../../database/pushdown';
import { errorSummary } from '../../common/logged-error';
import { StoredDeliveriesRepository } from './stored-deliveries.repository';

/** What a receipt's status write requires of the delivery as stored (see `statusesBelow`). */
export interface StatusGuard {
  statuses: readonly DeliveryStatus[];
  providerMessageId: string;
  /** The attempt that sent it, when its link says (links written before do not). */
  attempt: number | null;
}

/** What the report's search box looks in: the recipient's name and address, folded (`foldForSearch`). */
export function deliverySearchText(recipient: DeliveryDocument['recipient']): string {
  return foldForSearch([recipient.name, recipient.address].filter(Boolean).join(' '));
}

// (ClinicDocument's index signature makes Omit<…> forget the fields: the cast gives them back.)
const withSearchText = (
  delivery: Omit<DeliveryDocument, 'clinicId'>,
): Omit<DeliveryDocument, 'clinicId'> => ({
  ...delivery,
  searchText: deliverySearchText((delivery as DeliveryDocument).recipient),
});

/** What the queue's consistency sweep reads of a delivery. */
const QUEUED_FIELDS = { _id: 1, clinicId: 1, status: 1, sendAt: 1, updatedAt: 1 } as const;

/** The mark, in `data_upgrades`, of a database whose deliveries all have `searchText`. */
const SEARCH_TEXT_UPGRADE = 'deliveries.searchText';
/** The mark of a database whose deliveries all have `sentBy`. */
const SENT_BY_UPGRADE = 'deliveries.sentBy';

/** An update of one stored delivery, as the upgrades write them (in chunks of `inWriteChunks`). */
type FieldsUpdate = { updateOne: { filter: { _id: string }; update: { $set: Record<string, unknown> } } };

/** What removing a message's content leaves empty (retention and erasure, docs/privacy.md). */
const EMPTIED = {
  text: null,
  subject: null,
  'recipient.name': null,
  'recipient.address': null,
  searchText: '',
  templateData: {},
};

/** The `deliveries` collection: one document per message, `_id` = its idempotency key. */
/**
 * The deliveries' secondary indexes. Every write of a delivery updates each of them, which is most of what a
 * status change costs on our FerretDB (the engine bench's floor measures it: docs/engine.md "Speed").
 */
export const DELIVERY_INDEXES = [
  { key: { clinicId: 1, createdAt: -1 } },
  { key: { clinicId: 1, runId: 1 } },
  { key: { clinicId: 1, appointmentId: 1 } },
  { key: { clinicId: 1, patientId: 1, sentAt: -1 } },
  // The report's totals, chart and status pages: read from the indexes alone on clinicflow's FerretDB
  // (docs/report.md).
  { key: { clinicId: 1, status: 1, channel: 1 } },
  { key: { clinicId: 1, status: 1, createdAt: -1, channel: 1 } },
  { key: { clinicId: 1, sendDay: 1, status: 1, channel: 1, credits: 1 } },
  // The report's sorts by send and delivery time (read forwards or backwards), and their ranges.
  { key: { clinicId: 1, sendAt: -1, createdAt: -1 } },
  { key: { clinicId: 1, deliveredAt: -1, createdAt: -1 } },
  // The search box: SQLite reads the folded text from this index instead of from every document.
  { key: { clinicId: 1, searchText: 1 } },
  // The "sent by" filter (S3), in the default order.
  { key: { clinicId: 1, sentBy: 1, createdAt: -1 } },
] as const;

@Injectable()
export class DeliveryRepository extends StoredDeliveriesRepository implements OnModuleInit {
  private readonly logger = new Logger(DeliveryRepository.name);
  /** Upgrades of stored data done once per database: one document each, `_id` = its name. */
  private readonly upgrades: Collection<{ _id: string; done: boolean }>;

  /** The dispatcher's reads and writes by `_id`, gathered into few commands (database/coalesced.ts). */
  private readonly coalescedReads: CoalescedReads<DeliveryDocument>;
  private readonly coalescedWrites: CoalescedWrites<DeliveryDocument>;
  /** Deliveries whose texts were removed (`contentRemovedAt`, a date when set: any date matches). */
  private readonly erased: CoalescedMatches<DeliveryDocument>;

  constructor(db: Db) {
    super(db);
    this.upgrades = db.collection('data_upgrades');
    this.coalescedReads = new CoalescedReads(this.collection);
    this.coalescedWrites = new CoalescedWrites(this.collection);
    this.erased = new CoalescedMatches(this.collection, { contentRemovedAt: { $gte: new Date(0) } });
  }

  async onModuleInit() {
    await this.ensureIndexes(DELIVERY_INDEXES);
    // Deliveries stored before the search text or the sender existed get them in the background (the report's
    // search and "sent by" filter miss them until then); nothing else waits for it.
    void this.addMissingSearchText()
      .then(() => this.addMissingSentBy())
      .catch((error: unknown) => this.logger.warn(`Older deliveries not upgraded: ${errorSummary(error)}`));
  }

  /** Stores planned deliveries, unordered; answers the positions of those that existed already (same key). */
  addMany(clinicId: string, deliveries: Omit<DeliveryDocument, 'clinicId'>[]): Promise<Set<number>> {
    return this.insertMany(
      clinicId,
      deliveries.map((delivery) => withoutNulls(withSearchText(delivery))),
    );
  }

  /**
   * Writes a status change of a delivery just read: its fields and the entries appended to its history (two
   * when a send's `sending` goes with its outcome).
   */
  async recordStatus(
    delivery: DeliveryDocument,
    fields: Partial<DeliveryDocument>,
    entries: DeliveryHistoryEntry[],
    guard?: StatusGuard,
  ): Promise<boolean> {
    // A field set back to null is removed instead: the delivery stays as lean as planning stored it.
    const cleared = NULLABLE_DELIVERY_FIELDS.filter((field) => fields[field] === null);
    const update = {
      $set: withoutNulls(fields),
      ...(cleared.length ? { $unset: Object.fromEntries(cleared.map((field) => [field, ''])) } : {}),
      $push: { history: entries.length === 1 ? entries[0] : { $each: entries } },
    };
    // A receipt's change is decided by the database (docs/engine.md): only from a status ranked below it, and
    // only while the delivery still carries the provider id the receipt is about (its attempt's send).
    const filter = guard
      ? {
          _id: delivery._id,
          status: { $in: [...guard.statuses] },
          providerMessageId: guard.providerMessageId,
          ...(guard.attempt === null ? {} : { attempt: guard.attempt }),
        }
      : this.byId(delivery._id);
    if (guard) {
      const result = await this.collection.updateOne(filter as never, update as never);
      return result.modifiedCount === 1;
    }
    await this.coalescedWrites.write({ updateOne: { filter: filter as never, update: update as never } });
    if (!('text' in fields || 'subject' in fields)) return true;
    // An erasure may have emptied the message while it was being sent (docs/privacy.md): the outcome must not
    // bring its text back. Asked after the write: an erasure before it is seen and emptied again, one after it
    // empties the text itself. Only the erased are read (in SQL on our FerretDB), not every sent message.
    if (await this.erased.matches(delivery._id)) {
      await this.collection.updateOne(this.byId(delivery._id), { $set: EMPTIED } as never);
    }
    return true;
  }

  /** A clinic's deliveries a cancel can still stop (`statuses`) of an appointment, or of a patient on a channel. */
  pendingOf(
    clinicId: string,
    about: { appointmentId: string } | { patientId: string; channel: Channel },
    statuses: readonly DeliveryStatus[],
  ): Promise<DeliveryDocument[]> {
    const filter =
      'appointmentId' in about
        ? { appointmentId: about.appointmentId }
        : { patientId: about.patientId, channel: about.channel, 'recipient.type': 'patient' };
    return this.findMany(clinicId, { ...filter, status: { $in: [...statuses] } });
  }

  /** A patient's reminders planned to go since `since` that may still go or went (one per person per day, F6). */
  remindersSince(clinicId: string, patientId: string, since: Date): Promise<DeliveryDocument[]> {
    return this.findMany(clinicId, {
      patientId,
      purpose: 'reminder',
      sendAt: { $gte: since },
      status: { $nin: ['cancelled', 'skipped', 'expired', 'failed'] },
    });
  }

  /**
   * The latest question (`expectsReply`) that reached this address on this channel from this provider:
   * answered ones too, so a second answer is not taken as a first. A reply is rare: a scan of the clinic's
   * deliveries is fine.
   */
  latestQuestionTo(
    clinicId: string,
    address: string,
    channel: Channel,
    provider: string,
  ): Promise<DeliveryDocument | null> {
    return this.findOne(
      clinicId,
      {
        'recipient.address': address,
        channel,
        provider,
        expectsReply: true,
        status: { $in: [...DELIVERY_OUTCOMES.sent] },
      },
      { sentAt: -1 },
    );
  }

  /**
   * The clinic's messages that failed for want of SMS credits, the earliest send first: what a retry after a
   * top-up sends again. With the pushdown comment SQLite picks the failed ones from an index (`status` and
   * `error.code` are strings or absent, never arrays: docs/report.md).
   */
  failedForCredits(clinicId: string): Promise<DeliveryDocument[]> {
    return this.collection
      .find(this.scope(clinicId, { status: 'failed', 'error.code': CREDITS_EXHAUSTED }), SQL_PUSHDOWN)
      .sort({ sendAt: 1, _id: 1 })
      .toArray() as Promise<DeliveryDocument[]>;
  }

  /** How many of the clinic's messages failed for want of SMS credits (and were not sent again since). */
  countFailedForCredits(clinicId: string): Promise<number> {
    return this.collection.countDocuments(
      this.scope(clinicId, { status: 'failed', 'error.code': CREDITS_EXHAUSTED }),
      SQL_PUSHDOWN,
    );
  }

  /**
   * Messages still waiting for a receipt, sent by one of `providers` since `since` (after `after` when given: a
   * refresh goes on where the last one stopped), of every clinic, the oldest first (the status refresh asks the
   * providers about them).
   */
  awaitingReceipt(
    since: Date,
    providers: readonly string[],
    limit: number,
    after: Date | null = null,
  ): Promise<DeliveryDocument[]> {
    // In SQL on our FerretDB (`status` and `provider` strings, `sentAt` a date or null): without it, every minute
    // decoded every delivery of every clinic in Go, a burst's worth more each time.
    const sentAt = after && after > since ? { $gt: after } : { $gte: since };
    return this.collection
      .find({ status: 'sent', provider: { $in: [...providers] }, sentAt }, SQL_PUSHDOWN)
      .sort({ sentAt: 1 })
      .limit(limit)
      .toArray() as Promise<DeliveryDocument[]>;
  }

  /**
   * Deliveries of every clinic in a status that needs a queue entry (`scheduled`, `retrying`, `sending`) last
   * changed in (`from`, `to`] (`from` null: any time before `to`), at most `limit` in `_id` order after
   * `afterId` (a page; a planned batch shares one `updatedAt`): the queue's consistency sweep
   * (`DeliveryQueueService.repair`).
   */
  queuedChangedBetween(from: Date | null, to: Date, afterId: string | null, limit: number) {
    const updatedAt = from ? { $gt: from, $lte: to } : { $lte: to };
    const filter = {
      status: { $in: [...queuedStatuses] },
      updatedAt,
      ...(afterId ? { _id: { $gt: afterId } } : {}),
    };
    return this.collection
      .find(filter, { ...SQL_PUSHDOWN, projection: QUEUED_FIELDS })
      .sort({ _id: 1 })
      .limit(limit)
      .toArray() as Promise<Pick<DeliveryDocument, '_id' | 'clinicId' | 'status' | 'sendAt' | 'updatedAt'>[]>;
  }

  /**
   * Of these deliveries, the ids of those still in a status that needs a queue entry and not changed after `to`:
   * the sweep's second look, since a delivery sent or moved after its first read needs no entry from it.
   */
  async stillQueuedUnchanged(ids: readonly string[], to: Date): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const found = await this.collection
      .find(
        { _id: { $in: [...ids] }, status: { $in: [...queuedStatuses] }, updatedAt: { $lte: to } },
        { projection: { _id: 1 } },
      )
      .toArray();
    return new Set(found.map((delivery) => delivery._id));
  }

  /**
   * Gives `searchText` to the deliveries that have none; answers how many it changed. Once done, the database is
   * marked so that later starts skip the scan (on FerretDB it reads every delivery); every delivery stored since
   * gets `searchText` on insert.
   */
  async addMissingSearchText(): Promise<number> {
    const changed = await this.upgradeOnce(
      SEARCH_TEXT_UPGRADE,
      'searchText',
      { recipient: 1 },
      (delivery) => ({
        searchText: deliverySearchText(delivery.recipient),
      }),
    );
    if (changed > 0) this.logger.log(`Search text added to ${changed} older deliveries`);
    return changed;
  }

  /** Gives `sentBy` to the deliveries that have none (`sentByOf`), once per database; answers how many it changed. */
  async addMissingSentBy(): Promise<number> {
    const changed = await this.upgradeOnce(SENT_BY_UPGRADE, 'sentBy', { history: 1 }, (delivery) => ({
      sentBy: sentByOf(delivery),
    }));
    if (changed > 0) this.logger.log(`Sender added to ${changed} older deliveries`);
    return changed;
  }

  /**
   * Sets `field` on every delivery that lacks it, from the `projection` read, unless `upgrade` is marked done in
   * `data_upgrades`; then marks it. Writes in chunks of at most 99 statements (FerretDB).
   */
  private async upgradeOnce(
    upgrade: string,
    field: keyof DeliveryDocument,
    projection: Partial<Record<keyof DeliveryDocument, 1>>,
    fields: (delivery: DeliveryDocument) => Record<string, unknown>,
  ): Promise<number> {
    if (await this.upgrades.findOne({ _id: upgrade })) return 0;
    const missing = this.collection.find({ [field]: { $exists: false } } as never, {
      projection,
      batchSize: 500,
    });
    let changed = 0;
    let batch: FieldsUpdate[] = [];
    const write = async () => {
      for (const chunk of inWriteChunks(batch)) {
        await this.collection.bulkWrite(chunk as never, { ordered: false });
        changed += chunk.length;
      }
      batch = [];
    };
    for await (const delivery of missing) {
      batch.push({ updateOne: { filter: { _id: delivery._id }, update: { $set: fields(delivery) } } });
      if (batch.length === 495) await write();
    }
    await write();
    await this.upgrades.updateOne({ _id: upgrade }, { $set: { done: true } }, { upsert: true });
    return changed;
  }

  /**
   * Ids of the clinic's messages created before `cutoff` that still hold their texts and addresses and are no
   * longer waiting to go (the retention's; docs/privacy.md).
   */
  async idsWithContentBefore(clinicId: string, cutoff: Date): Promise<string[]> {
    const found = await this.collection
      .find(
        this.scope(clinicId, {
          createdAt: { $lt: cutoff },
          contentRemovedAt: { $exists: false },
          status: { $nin: [...queuedStatuses] },
        } as never),
        { projection: { _id: 1 } },
      )
      .toArray();
    return found.map((delivery) => delivery._id);
  }

  /**
   * The clinic's messages to a patient, about their appointments, or to one of their addresses (a one-off typed
   * by number), oldest first (an erasure's, an export's).
   */
  about(
    clinicId: string,
    patient: { id: string; addresses: readonly string[] },
    appointmentIds: readonly string[],
  ): Promise<DeliveryDocument[]> {
    return this.findMany(
      clinicId,
      {
        $or: [
          { patientId: patient.id },
          { appointmentId: { $in: [...appointmentIds] } },
          { 'recipient.address': { $in: [...patient.addresses] } },
        ],
      },
      { createdAt: 1, _id: 1 },
    );
  }

  /**
   * Removes the texts, the recipient's name and address and what the template was filled with from these
   * messages, keeping status, channel, dates and credits (the report's counts); answers how many changed. A
   * message already emptied is left alone, so a second run changes nothing. Chunks of 99 (FerretDB).
   */
  async removeContent(clinicId: string, ids: readonly string[], at: Date): Promise<number> {
    let changed = 0;
    for (const chunk of inWriteChunks(ids)) {
      const result = await this.collection.updateMany(
        this.scope(clinicId, { _id: { $in: chunk }, contentRemovedAt: { $exists: false } } as never),
        {
          $set: { ...EMPTIED, contentRemovedAt: at },
        } as never,
      );
      changed += result.modifiedCount;
    }
    return changed;
  }

  /** See `DeliveryService.recordOpen`: a count, then the first time (kept by the filter, whoever wins a race). */
  async recordOpen(id: string, at: Date, byProxy: boolean): Promise<boolean> {
    const counted = await this.collection.updateOne(
      { _id: id, channel: 'email', status: { $in: [...DELIVERY_OUTCOMES.sent] } },
      { $inc: { opens: 1, ...(byProxy ? { proxyOpens: 1 } : {}) }, $set: { updatedAt: at } },
    );
    if (counted.matchedCount === 0) return false;
    await this.collection.updateOne({ _id: id, openedAt: null }, { $set: { openedAt: at } });
    return true;
  }

  /** Reads one by `_id` whatever its clinic: for the dispatcher, which works for every clinic. */
  async findAnyById(id: string): Promise<DeliveryDocument | null> {
    const delivery = await this.coalescedReads.find(id);
    return delivery && this.fromStored(delivery);
  }
}
