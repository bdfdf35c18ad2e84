import { Db, type Collection } from 'mongodb';
import { Injectable } from '@nestjs/common';
import type { Reason, RunSignal } from '@clinicflow/rules';
import { insertOnce } from '../../database/duplicate-key';

/** What moves a run from `seq`: an evaluation with a signal, or a cancel (a moved or cancelled appointment). */
export type RunMove =
  | {
      by: 'start' | 'timer' | 'reply' | 'delivery-failed' | 'delivery-status' | 'retry';
      signal: RunSignal;
      reason: null;
    }
  | { by: 'cancel'; signal: null; reason: string; why?: Reason | null };

/**
 * Who moves a run from `seq`, `_id` `<runId>#<seq>` (attempt 1) or `<runId>#<seq>#<attempt>` (a recovery).
 * It keeps the move itself, so whoever recovers it after a crash does the same move, not its own.
 */
export type RunAdvance = RunMove & {
  _id: string;
  clinicId: string;
  runId: string;
  seq: number;
  attempt: number;
  at: Date;
};

/** The claim this caller holds: the move to do, and whether it is someone else's that it took over. */
export interface HeldAdvance {
  move: RunMove;
  recovered: boolean;
}

/** How far a claim's recovery attempts are looked for (each one is an `_id` read). */
const MAX_ATTEMPTS = 20;

function advanceId(runId: string, seq: number, attempt: number): string {
  return attempt === 1 ? `${runId}#${seq}` : `${runId}#${seq}#${attempt}`;
}

/**
 * `run_advances`: the race decider for runs, as `delivery_claims` is for deliveries. A claim whose lease
 * has passed while the run is still at its `seq` belongs to a dead process: the next attempt takes it over.
 */
@Injectable()
export class RunAdvanceRepository {
  private readonly collection: Collection<RunAdvance>;

  constructor(db: Db) {
    this.collection = db.collection<RunAdvance>('run_advances');
  }

  /**
   * Claims the move of `runId` from `seq`. Answers what to do: this move (it won attempt 1), or the move of
   * a claim whose lease passed (it won the next attempt); null when a live process holds it.
   */
  async claim(
    target: { clinicId: string; runId: string; seq: number },
    move: RunMove,
    now: Date,
    leaseMs: number,
  ): Promise<HeldAdvance | null> {
    if (await this.insert({ ...target, ...move, attempt: 1, at: now })) return { move, recovered: false };
    return this.recover(target, now, leaseMs);
  }

  /** Takes over the latest claim of `runId` at `seq` if its lease has passed; null otherwise. */
  async recover(
    target: { clinicId: string; runId: string; seq: number },
    now: Date,
    leaseMs: number,
  ): Promise<HeldAdvance | null> {
    const latest = await this.latest(target.runId, target.seq);
    if (!latest || latest.at.getTime() + leaseMs > now.getTime()) return null;
    const move = { by: latest.by, signal: latest.signal, reason: latest.reason } as RunMove;
    const taken = await this.insert({ ...target, ...move, attempt: latest.attempt + 1, at: now });
    return taken ? { move, recovered: true } : null;
  }

  /** The latest attempt at moving `runId` from `seq`, or null when nobody claimed it. */
  async latest(runId: string, seq: number): Promise<RunAdvance | null> {
    let found: RunAdvance | null = null;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const next = await this.collection.findOne({ _id: advanceId(runId, seq, attempt) });
      if (!next) break;
      found = next;
    }
    return found;
  }

  private insert(advance: Omit<RunAdvance, '_id'>): Promise<boolean> {
    const _id = advanceId(advance.runId, advance.seq, advance.attempt);
    return insertOnce(this.collection, { ...advance, _id } as RunAdvance);
  }
}
