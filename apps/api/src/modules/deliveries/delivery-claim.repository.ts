import { Db, type Collection } from 'mongodb';
import { Injectable } from '@nestjs/common';
import { CoalescedReads, CoalescedWrites } from '../../database/coalesced';
import { insertOnce } from '../../database/duplicate-key';

/**
 * Who took an attempt: a dispatcher that sends it, one that recovers it after a crash, or a cancel; `daily`
 * is a clinic's daily job claimed for a day (the retention's), not an attempt of a delivery.
 */
export type ClaimKind = 'send' | 'recover' | 'cancel' | 'daily' | 'status';

export interface DeliveryClaim {
  /** `<delivery _id>#<attempt>` */
  _id: string;
  clinicId: string;
  deliveryId: string;
  attempt: number;
  kind: ClaimKind;
  /** The process (or user, for a cancel) that won it. */
  by: string;
  at: Date;
  /**
   * A send's or a recovery's lease (docs/engine.md, "A delivery's life"): the claimant is sending attempt N
   * until then, renewed while it runs; past it, with the delivery not moved on, its process died. Claims
   * written before the lease lived here have none: their lease ends at `at` + the lease's length.
   */
  leaseUntil?: Date;
}

/**
 * The race decider of architecture.md: whoever inserts `<delivery>#<attempt>` first owns that attempt (a
 * unique `_id` insert is atomic on FerretDB, a conditional update is not). A send and a cancel of the same
 * attempt compete here, so a message is either cancelled or sent, never both.
 */
@Injectable()
export class DeliveryClaimRepository {
  private readonly collection: Collection<DeliveryClaim>;
  private readonly writes: CoalescedWrites<DeliveryClaim>;
  private readonly reads: CoalescedReads<DeliveryClaim>;

  constructor(db: Db) {
    this.collection = db.collection<DeliveryClaim>('delivery_claims');
    this.writes = new CoalescedWrites(this.collection);
    this.reads = new CoalescedReads(this.collection);
  }

  /** True when this caller won the attempt; false when someone else already holds it. */
  async claim(claim: Omit<DeliveryClaim, '_id'>): Promise<boolean> {
    // Claims made at the same time go as one unordered insert; the duplicate-key errors say which were lost.
    const document = { ...claim, _id: `${claim.deliveryId}#${claim.attempt}` };
    return (await this.writes.write({ insertOne: { document } })) === 'written';
  }

  /**
   * Claims a clinic's daily job for one clinic-local day (`<job>:<clinic>:<day>`): true for the one process
   * that inserted it, so several API processes do the day's work once.
   */
  claimDaily(job: string, clinicId: string, day: string, by: string, at: Date): Promise<boolean> {
    const _id = `${job}:${clinicId}:${day}`;
    return insertOnce(this.collection, {
      _id,
      clinicId,
      deliveryId: _id,
      attempt: 0,
      kind: 'daily' as const,
      by,
      at,
    });
  }

  /**
   * Records that attempt N reached a status a receipt or a reply brings (`<delivery>#<attempt>#<status>`):
   * what the status order converges to (docs/engine.md "Status order"); a second one is a no-op.
   */
  async claimStatus(clinicId: string, deliveryId: string, attempt: number, status: string, at: Date) {
    await insertOnce(this.collection, {
      _id: `${deliveryId}#${attempt}#${status}`,
      clinicId,
      deliveryId,
      attempt,
      kind: 'status' as const,
      by: status,
      at,
    });
  }

  /** Whether attempt N of the delivery reached `status` (see `claimStatus`). */
  async hasStatus(deliveryId: string, attempt: number, status: string): Promise<boolean> {
    return (await this.collection.findOne({ _id: `${deliveryId}#${attempt}#${status}` })) !== null;
  }

  /** Moves the end of a send's lease (only `_id` in the filter: the one FerretDB reads from its index). */
  async renew(deliveryId: string, attempt: number, leaseUntil: Date): Promise<void> {
    await this.writes.write({
      updateOne: { filter: { _id: `${deliveryId}#${attempt}` }, update: { $set: { leaseUntil } } },
    });
  }

  /**
   * Attempt N's claim. Read with the others asked at the same moment: processes sharing a burst lose claims to
   * each other by the dozen in a scan, and each loser reads the winner's lease.
   */
  find(deliveryId: string, attempt: number): Promise<DeliveryClaim | null> {
    return this.reads.find(`${deliveryId}#${attempt}`);
  }
}
