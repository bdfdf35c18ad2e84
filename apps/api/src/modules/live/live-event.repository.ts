import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import type { LiveEvent } from './live-events.service';

/**
 * One relayed live event. `_id` = `<written at, ms, zero-padded>:<process>:<counter>`, so ids sort by the
 * time they were written and a reader can ask for "everything after this key" (a scan of a collection kept
 * to about a minute of events).
 */
export interface RelayedLiveEvent {
  _id: string;
  origin: string;
  event: LiveEvent;
}

/** The `live_events` collection: how API processes hand each other their live events (docs/engine.md). */
@Injectable()
export class LiveEventRepository {
  private readonly collection: Collection<RelayedLiveEvent>;

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.db!.collection<RelayedLiveEvent>('live_events');
  }

  async insertMany(events: RelayedLiveEvent[]): Promise<void> {
    if (events.length > 0) await this.collection.insertMany(events, { ordered: false });
  }

  /** Events written after `key` by other processes, oldest first. */
  after(key: string, exceptOrigin: string, limit: number): Promise<RelayedLiveEvent[]> {
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
