import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { isDuplicateKeyError } from '../../common/ids';

/** An event recorded but not yet turned into runs: `_id` = the event document's `_id`. */
export interface PendingEvent {
  _id: string;
  clinicId: string;
  at: Date;
  /** Failed attempts of the sweep; an event that keeps failing is dropped (and logged) after a few. */
  failures: number;
}

/** `pending_events`: small (emptied as events are processed), scanned by the crash-recovery sweep. */
@Injectable()
export class PendingEventRepository {
  private readonly collection: Collection<PendingEvent>;

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.db!.collection<PendingEvent>('pending_events');
  }

  /** Records entries; answers the ids this call inserted (the others were already pending). */
  async add(clinicId: string, eventIds: string[], at: Date): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const documents = eventIds.map((_id) => ({ _id, clinicId, at, failures: 0 }));
    try {
      await this.collection.insertMany(documents, { ordered: false });
      return new Set(eventIds);
    } catch (error) {
      const reported = (error as { writeErrors?: unknown }).writeErrors;
      const writeErrors = ([] as { index: number; code: number }[]).concat(
        (reported as { index: number; code: number }[]) ?? [],
      );
      if (writeErrors.length === 0 && isDuplicateKeyError(error)) return new Set();
      if (writeErrors.length === 0 || writeErrors.some((e) => e.code !== 11000)) throw error;
      const duplicates = new Set(writeErrors.map((e) => e.index));
      return new Set(eventIds.filter((_, index) => !duplicates.has(index)));
    }
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
