import { Db, type Collection } from 'mongodb';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { createIndexOnce } from '../../database/create-index';
import { inOneAnswer } from '../../database/coalesced';
import { insertOnce } from '../../database/duplicate-key';
import { SQL_PUSHDOWN } from '../../database/pushdown';

/**
 * An entry of `run_timers`, looked at when `at` has come:
 * - `timer` (`<runId>#<seq>`): the waiting run is evaluated again at `at` if it is still at `seq`;
 * - `lease` (`<runId>#<seq>#lease`): someone is moving the run from `seq`; if the run is still there at
 *   `at` (the end of the lease), that process died and the move is taken over.
 */
export interface RunTimerEntry {
  _id: string;
  kind: 'timer' | 'lease';
  clinicId: string;
  runId: string;
  seq: number;
  nodeId: string | null;
  at: Date;
}

type Target = { clinicId: string; runId: string; seq: number; nodeId: string | null };

export function timerId(runId: string, seq: number): string {
  return `${runId}#${seq}`;
}

function leaseId(runId: string, seq: number): string {
  return `${runId}#${seq}#lease`;
}

/** `run_timers`: small (waiting runs and moves in progress), scanned for due entries. */
@Injectable()
export class RunTimerRepository implements OnModuleInit {
  private readonly collection: Collection<RunTimerEntry>;

  constructor(db: Db) {
    this.collection = db.collection<RunTimerEntry>('run_timers');
  }

  async onModuleInit() {
    // Every tick reads the earliest entries: from this index (with the pushdown comment on our FerretDB), not by
    // decoding every waiting run's timer (a clinic's reminders wait days, so there are thousands).
    await createIndexOnce(this.collection, { at: 1 });
  }

  async set(timer: Target & { at: Date }): Promise<void> {
    const _id = timerId(timer.runId, timer.seq);
    await this.collection.updateOne({ _id }, { $set: { ...timer, kind: 'timer', _id } }, { upsert: true });
  }

  /**
   * Written before a move is claimed, so a process that dies after claiming leaves something to find. Two movers
   * of one run (a retry asked twice, a reply and a timer) open the same lease at once: an upsert of one new `_id`
   * from both may fail with a duplicate key, so the insert decides, and the one that finds the lease there moves
   * its end.
   */
  async openLease(target: Target, until: Date): Promise<void> {
    const _id = leaseId(target.runId, target.seq);
    const lease: RunTimerEntry = { ...target, kind: 'lease', _id, at: until };
    if (await insertOnce(this.collection, lease)) return;
    await this.collection.updateOne({ _id }, { $set: { ...target, kind: 'lease', at: until } });
  }

  /** After the run was saved past `seq`: its timer at `seq` (fired or no longer wanted) and the lease go. */
  async close(runId: string, seq: number): Promise<void> {
    // Two `_id` equality deletes: the only filter FerretDB answers from its index.
    await Promise.all([
      this.collection.deleteOne({ _id: timerId(runId, seq) }),
      this.collection.deleteOne({ _id: leaseId(runId, seq) }),
    ]);
  }

  /** Removes every timer and lease of these runs (a patient's erasure). */
  async removeOfRuns(runIds: readonly string[]): Promise<void> {
    if (runIds.length > 0) await this.collection.deleteMany({ runId: { $in: [...runIds] } });
  }

  async remove(id: string): Promise<void> {
    await this.collection.deleteOne({ _id: id });
  }

  /** Entries due at `now`, earliest first, at most `limit` (`at` is always a date: the pushdown holds). */
  due(now: Date, limit: number): Promise<RunTimerEntry[]> {
    return this.collection
      .find({ at: { $lte: now } }, SQL_PUSHDOWN)
      .sort({ at: 1 })
      .limit(limit)
      .batchSize(inOneAnswer(limit))
      .toArray();
  }

  /** The earliest entry still to come (for the engine's wake-up). */
  next(): Promise<RunTimerEntry | null> {
    return this.collection.find({}, SQL_PUSHDOWN).sort({ at: 1 }).limit(1).next();
  }
}
