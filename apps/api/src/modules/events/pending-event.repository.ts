import { Injectable } from '@nestjs/common';
import { Db, type Collection } from 'mongodb';
import { insertManyReportingDuplicates } from '../../database/duplicate-key';

/** An event recorded but not yet turned into runs: `_id` = the event document's `_id`. */
export interface PendingEvent {
  _id: string;
  clinicId: string;
  at: Date;
  /** Failed attempts of the sweep. */
  failures: number;
  /** After a failed attempt: not tried again before (the backoff). */
  retryAt?: Date;
  /** Its attempts spent: set aside (a dead letter), tried again only when staff ask. */
  deadAt?: Date;
  /** The last failure's error class and code (never its message: it may quote the event). */
  lastError?: string;
}

/**
 * `pending_events`, the outbox of events: an entry is written before its event and removed once the event is
 * turned into runs, so the engine's sweep finishes what an intake that died left behind. Small (emptied as
 * events are processed), scanned by the sweep.
 */
@Injectable()
export class PendingEventRepository {
  private readonly collection: Collection<PendingEvent>;

  constructor(db: Db) {
    this.collection = db.collection<PendingEvent>('pending_events');
  }

  /** Records entries; answers the ids this call inserted (the others were already pending). */
  async add(clinicId: string, eventIds: string[], at: Date): Promise<Set<string>> {
    const documents = eventIds.map((_id) => ({ _id, clinicId, at, failures: 0 }));
    const duplicates = await insertManyReportingDuplicates(this.collection, documents);
    return new Set(eventIds.filter((_, index) => !duplicates.has(index)));
  }

  async remove(eventIds: string[]): Promise<void> {
    if (eventIds.length === 0) return;
    await this.collection.deleteMany({ _id: { $in: eventIds } });
  }

  /** Entries recorded before `at` that may be tried `now`: not set aside, not backing off; oldest first. */
  due(at: Date, now: Date, limit: number): Promise<PendingEvent[]> {
    return this.collection
      .find({
        at: { $lt: at },
        deadAt: { $exists: false },
        $or: [{ retryAt: { $exists: false } }, { retryAt: { $lte: now } }],
      })
      .sort({ at: 1 })
      .limit(limit)
      .toArray();
  }

  /** One more failed attempt: tried again at `retryAt`, or set aside at `deadAt`. */
  async failed(
    eventId: string,
    next: { retryAt: Date } | { deadAt: Date },
    lastError: string,
  ): Promise<void> {
    await this.collection.updateOne(
      { _id: eventId },
      { $inc: { failures: 1 }, $set: { ...next, lastError } },
    );
  }

  /** A clinic's entries set aside, oldest first (at most `limit`), and how many there are. */
  async dead(clinicId: string, limit: number): Promise<{ count: number; items: PendingEvent[] }> {
    const filter = { clinicId, deadAt: { $exists: true } };
    const [count, items] = await Promise.all([
      this.collection.countDocuments(filter),
      this.collection.find(filter).sort({ at: 1 }).limit(limit).toArray(),
    ]);
    return { count, items };
  }

  /** How many entries of every clinic are set aside. */
  countSetAside(): Promise<number> {
    return this.collection.countDocuments({ deadAt: { $exists: true } });
  }

  /** Puts an entry set aside back to be tried at once, its attempts afresh; whether it was set aside. */
  async retry(clinicId: string, eventId: string): Promise<boolean> {
    const { matchedCount } = await this.collection.updateOne(
      { _id: eventId, clinicId, deadAt: { $exists: true } },
      { $set: { failures: 0 }, $unset: { deadAt: '', retryAt: '', lastError: '' } },
    );
    return matchedCount === 1;
  }
}
