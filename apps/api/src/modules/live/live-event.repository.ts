import { Db, type Collection } from 'mongodb';
import { Injectable } from '@nestjs/common';
import type { LiveEvent } from './live-events.service';

/**
 * The live events one process raised during one relay interval, written as one document so the collection
 * stays a few hundred documents long even during a burst of sends (every read scans it on FerretDB).
 * `_id` = `<written at, ms, zero-padded>:<process>:<counter>`: ids sort by the time they were written, so a
 * reader asks for "everything after this key".
 */
export interface RelayedLiveEvents {
  _id: string;
  origin: string;
  events: LiveEvent[];
}

/** The `live_events` collection: how API processes hand each other their live events (docs/engine.md). */
@Injectable()
export class LiveEventRepository {
  private readonly collection: Collection<RelayedLiveEvents>;

  constructor(db: Db) {
    this.collection = db.collection<RelayedLiveEvents>('live_events');
  }

  async insertMany(events: RelayedLiveEvents[]): Promise<void> {
    if (events.length > 0) await this.collection.insertMany(events, { ordered: false });
  }

  /** Batches written after `key` by other processes, oldest first. */
  after(key: string, exceptOrigin: string, limit: number): Promise<RelayedLiveEvents[]> {
    return this.collection
      .find({ _id: { $gt: key }, origin: { $ne: exceptOrigin } })
      .sort({ _id: 1 })
      .limit(limit)
      .toArray();
  }

  /** Removes events written before `key`. */
  async pruneBefore(key: string): Promise<void> {
    await this.collection.deleteMany({ _id: { $lt: key } });
  }
}

/** The time part of a relay key: milliseconds, padded so that keys compare as strings. */
export function relayKeyAt(ms: number): string {
  return String(Math.max(0, Math.floor(ms))).padStart(15, '0');
}
