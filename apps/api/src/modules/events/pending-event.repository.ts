import { Injectable } from '@nestjs/common';
import { Db, type Collection } from 'mongodb';
import { insertManyReportingDuplicates } from '../../database/duplicate-key';

/** An event recorded but not yet turned into runs: `_id` = the event document's `_id`. */
export interface PendingEvent {
  _id: string;
  clinicId: string;
  at: Date;
  /** Failed attempts of the sweep; an event that keeps failing is dropped (and logged) after a few. */
  failures: number;
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

  olderThan(at: Date, limit: number): Promise<PendingEvent[]> {
    return this.collection
      .find({ at: { $lt: at } })
      .sort({ at: 1 })
      .limit(limit)
      .toArray();
  }

  async failed(eventId: string): Promise<void> {
    await this.collection.updateOne({ _id: eventId }, { $inc: { failures: 1 } });
  }
}
