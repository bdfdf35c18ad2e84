import { Db, type Collection } from 'mongodb';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { createIndexOnce } from '../../database/create-index';
import { SQL_PUSHDOWN } from '../../database/pushdown';
import type { LiveEvent } from './live-events.service';

/**
 * The live events one process raised during one relay interval, written as one document so the collection
 * stays a few hundred documents long even during a burst of sends. `_id` = `<written at, ms, zero-padded>:
 * <process>:<counter>`: ids sort by the time they were written.
 */
export interface RelayedLiveEvents {
  _id: string;
  /**
   * When it was written (ms): readers ask for "everything after this moment" from its index, so only that
   * range is read (FerretDB would otherwise parse every stored batch, events included, on each read: during a
   * burst of sends that cost it more than the sends themselves).
   */
  writtenAt: number;
  origin: string;
  events: LiveEvent[];
}

/** The `live_events` collection: how API processes hand each other their live events (docs/engine.md). */
@Injectable()
export class LiveEventRepository implements OnModuleInit {
  private readonly collection: Collection<RelayedLiveEvents>;

  constructor(db: Db) {
    this.collection = db.collection<RelayedLiveEvents>('live_events');
  }

  async onModuleInit() {
    await createIndexOnce(this.collection, { writtenAt: 1, origin: 1 });
    // Batches of an earlier version (without `writtenAt`) would never be read nor pruned: a minute of events.
    await this.collection.deleteMany({ writtenAt: { $exists: false } });
  }

  async insertMany(events: RelayedLiveEvents[]): Promise<void> {
    if (events.length > 0) await this.collection.insertMany(events, { ordered: false });
  }

  /** Batches written at `ms` or later by other processes, oldest first, at most `limit`. */
  since(ms: number, exceptOrigin: string, limit: number): Promise<RelayedLiveEvents[]> {
    // "Another origin" as two ranges (`$ne` would leave the filter to FerretDB's Go, every batch read): SQL
    // then answers from the index alone which batches to read, and this process's own are never read.
    const otherOrigin = [{ origin: { $lt: exceptOrigin } }, { origin: { $gt: exceptOrigin } }];
    return this.collection
      .find({ writtenAt: { $gte: ms }, $or: otherOrigin }, SQL_PUSHDOWN)
      .sort({ writtenAt: 1, _id: 1 })
      .limit(limit)
      .toArray();
  }

  /** Removes events written before `ms`. */
  async pruneBefore(ms: number): Promise<void> {
    // With the comment our FerretDB finds the range in the index (docs/database.md, "delete-pushdown"): only
    // the old batches are parsed, not every batch of the last minute.
    await this.collection.deleteMany({ writtenAt: { $lt: ms } }, SQL_PUSHDOWN);
  }
}

/** The time part of a relay key: milliseconds, padded so that keys compare as strings. */
export function relayKeyAt(ms: number): string {
  return String(Math.max(0, Math.floor(ms))).padStart(15, '0');
}
