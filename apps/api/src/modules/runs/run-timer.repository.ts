import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';

/** A waiting run's timer, `_id` `<runId>#<seq>`: the run is evaluated again at `at` if it is still at `seq`. */
export interface RunTimerEntry {
  _id: string;
  clinicId: string;
  runId: string;
  seq: number;
  nodeId: string | null;
  at: Date;
}

/** `run_timers`: small (only waiting runs), scanned for due entries; firing one is a `deleteOne` that wins. */
@Injectable()
export class RunTimerRepository {
  private readonly collection: Collection<RunTimerEntry>;

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.db!.collection<RunTimerEntry>('run_timers');
  }

  async set(timer: Omit<RunTimerEntry, '_id'>): Promise<void> {
    const _id = `${timer.runId}#${timer.seq}`;
    await this.collection.updateOne({ _id }, { $set: { ...timer, _id } }, { upsert: true });
  }

  due(now: Date, limit: number): Promise<RunTimerEntry[]> {
    return this.collection
      .find({ at: { $lte: now } })
      .sort({ at: 1 })
      .limit(limit)
      .toArray();
  }

  /** True for exactly one caller: the one whose delete removed it (deletedCount 1 is atomic on FerretDB). */
  async take(id: string): Promise<boolean> {
    return (await this.collection.deleteOne({ _id: id })).deletedCount === 1;
  }

  /** The earliest timer still to come (for the engine's wake-up). */
  next(): Promise<RunTimerEntry | null> {
    return this.collection.find({}).sort({ at: 1 }).limit(1).next();
  }
}
