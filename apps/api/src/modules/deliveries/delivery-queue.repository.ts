import { Db, type Collection, type Filter } from 'mongodb';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { createIndexOnce } from '../../database/create-index';
import { CoalescedDeletes, CoalescedWrites, inOneAnswer } from '../../database/coalesced';
import { insertManyReportingDuplicates, inWriteChunks } from '../../database/duplicate-key';
import { SQL_PUSHDOWN } from '../../database/pushdown';

/**
 * One small document per delivery that still needs the dispatcher (scheduled, retrying, or sending under a
 * lease). The dispatcher scans this collection, not `deliveries`, so the scanned set stays small on FerretDB
 * however long the report's history grows. `_id` = the delivery's `_id`.
 */
export interface DeliveryQueueEntry {
  _id: string;
  clinicId: string;
  /**
   * When the dispatcher should look at it: the send time or the retry time. A send in progress leaves it as it
   * is: its claim holds the lease (docs/engine.md, "A delivery's life").
   */
  dueAt: Date;
  /**
   * Set when staff sent it again with others for one reason (`credits-exhausted`: after a top-up, S7). Later
   * `put`s keep it (they set only their own fields), so it counts what is left until the entry goes.
   */
  retryOf?: string;
  /**
   * The second a sending slot of its provider's rate is held for it (docs/engine.md, "Provider rates"): reached
   * within that second, it goes without asking for another.
   */
  rateSlotAt?: Date;
}

/** What a scan of the due entries reads (`DeliveryQueueRepository.due`). */
export interface DueScan {
  limit: number;
  skip?: number;
  /** Entries not to read (the scanning process's sends in flight, those held by another process). */
  leaveOut?: string[];
  fromTheEnd?: boolean;
}

@Injectable()
export class DeliveryQueueRepository implements OnModuleInit {
  private readonly collection: Collection<DeliveryQueueEntry>;
  private readonly writes: CoalescedWrites<DeliveryQueueEntry>;
  private readonly removals: CoalescedDeletes<DeliveryQueueEntry>;

  constructor(db: Db) {
    this.collection = db.collection<DeliveryQueueEntry>('delivery_queue');
    this.writes = new CoalescedWrites(this.collection);
    this.removals = new CoalescedDeletes(this.collection);
  }

  async onModuleInit() {
    // The dispatcher's scan (`due`) reads the earliest entries from it (with the pushdown comment on FerretDB).
    await createIndexOnce(this.collection, { dueAt: 1 });
  }

  /** Adds or moves entries (upsert by `_id`). */
  async put(entries: DeliveryQueueEntry[]): Promise<void> {
    if (entries.length === 1) {
      // One status change's entry: gathered with the others changing at the same time.
      const [entry] = entries;
      await this.writes.write({
        updateOne: { filter: { _id: entry._id }, update: { $set: entry }, upsert: true },
      });
      return;
    }
    // Inserted first: planning's entries are new, and an insert costs FerretDB a tenth of an update. Those that
    // exist already (a plan taken up again after a crash, a message sent again) are moved by upsert, in chunks:
    // our FerretDB never answers a command of 100 updates or more (docs/database.md).
    const existing = await insertManyReportingDuplicates(this.collection, entries);
    const moves = entries.filter((_, position) => existing.has(position));
    for (const chunk of inWriteChunks(moves)) {
      await this.collection.bulkWrite(
        chunk.map((entry) => ({
          updateOne: { filter: { _id: entry._id }, update: { $set: entry }, upsert: true },
        })),
        { ordered: false },
      );
    }
  }

  /** Removes a delivery's entry (gathered with the other removals of the moment into one statement). */
  remove(deliveryId: string): Promise<void> {
    return this.removals.delete(deliveryId);
  }

  /**
   * Entries due at `now`, at most `limit`, past the first `skip`: earliest first, or latest first `fromTheEnd`
   * (a second process reading the same burst from its other end, docs/engine.md "Where a scan starts").
   */
  due(
    now: Date,
    { limit, skip = 0, leaveOut = [], fromTheEnd = false }: DueScan,
  ): Promise<DeliveryQueueEntry[]> {
    // With the pushdown comment our FerretDB reads the entries from the `dueAt` index (either way) instead of
    // decoding the whole queue for each batch (a burst of 100 000 is 100 000 entries); `dueAt` is always a date.
    // The entries left out (the scanning process's sends in flight and those held by another process, at the
    // head of a burst) are passed over in SQL (`_id` NOT IN, docs/database.md) instead of being decoded to be
    // skipped: `_id` is always a string.
    const filter: Filter<DeliveryQueueEntry> = { dueAt: { $lte: now } };
    if (leaveOut.length > 0) filter._id = { $nin: leaveOut };
    return this.collection
      .find(filter, SQL_PUSHDOWN)
      .sort({ dueAt: fromTheEnd ? -1 : 1 })
      .skip(skip)
      .limit(limit)
      .batchSize(inOneAnswer(limit))
      .toArray();
  }

  /** The earliest entry still to come (for the dispatcher's wake-up and the status page's lag). */
  next(): Promise<DeliveryQueueEntry | null> {
    // From the `dueAt` index too: an idle engine asks this every tick, and the queue holds every planned reminder.
    return this.collection.find({}, SQL_PUSHDOWN).sort({ dueAt: 1 }).limit(1).next();
  }

  /** Which of these deliveries have an entry. */
  async existing(deliveryIds: string[]): Promise<Set<string>> {
    if (deliveryIds.length === 0) return new Set();
    const found = await this.collection
      .find({ _id: { $in: deliveryIds } }, { projection: { _id: 1 } })
      .toArray();
    return new Set(found.map((entry) => entry._id));
  }

  /** Inserts entries that are missing; one that appeared meanwhile is left as it is (a duplicate). */
  async insertMissing(entries: DeliveryQueueEntry[]): Promise<number> {
    if (entries.length === 0) return 0;
    const duplicates = await insertManyReportingDuplicates(this.collection, entries);
    return entries.length - duplicates.size;
  }

  /** How many entries of every clinic are due at `now`, counted up to `cap` (a metric: `cap` means "or more"). */
  countDue(now: Date, cap: number): Promise<number> {
    return this.collection.countDocuments({ dueAt: { $lte: now } }, { limit: cap });
  }

  /** About how many entries wait, due or not (the collection's own count: no scan). */
  estimatedSize(): Promise<number> {
    return this.collection.estimatedDocumentCount();
  }

  /** How many of a clinic's entries sent again for `retryOf` are still waiting (or being sent). */
  countRetryOf(clinicId: string, retryOf: string): Promise<number> {
    return this.collection.countDocuments({ clinicId, retryOf });
  }

  /** The earliest entry of a clinic that is due at `now`. */
  oldestDue(clinicId: string, now: Date): Promise<DeliveryQueueEntry | null> {
    // In SQL on our FerretDB (`clinicId` a string, `dueAt` a date): the status page asks while a burst of
    // 100 000 entries waits, which Go would decode whole for each question.
    return this.collection
      .find({ clinicId, dueAt: { $lte: now } }, SQL_PUSHDOWN)
      .sort({ dueAt: 1 })
      .limit(1)
      .next();
  }
}
