import { Db, type Collection } from 'mongodb';
import { Injectable } from '@nestjs/common';
import { insertOnce } from '../../database/duplicate-key';

/**
 * Who took an attempt: a dispatcher that sends it, one that recovers it after a crash, or a cancel; `daily`
 * is a clinic's daily job claimed for a day (the retention's), not an attempt of a delivery.
 */
export type ClaimKind = 'send' | 'recover' | 'cancel' | 'daily';

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
}

/**
 * The race decider of architecture.md: whoever inserts `<delivery>#<attempt>` first owns that attempt (a
 * unique `_id` insert is atomic on FerretDB, a conditional update is not). A send and a cancel of the same
 * attempt compete here, so a message is either cancelled or sent, never both.
 */
@Injectable()
export class DeliveryClaimRepository {
  private readonly collection: Collection<DeliveryClaim>;

  constructor(db: Db) {
    this.collection = db.collection<DeliveryClaim>('delivery_claims');
  }

  /** True when this caller won the attempt; false when someone else already holds it. */
  claim(claim: Omit<DeliveryClaim, '_id'>): Promise<boolean> {
    return insertOnce(this.collection, { ...claim, _id: `${claim.deliveryId}#${claim.attempt}` });
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

  find(deliveryId: string, attempt: number): Promise<DeliveryClaim | null> {
    return this.collection.findOne({ _id: `${deliveryId}#${attempt}` });
  }
}
