import { Db, type Collection } from 'mongodb';
import { Injectable } from '@nestjs/common';
import { insertOnce } from '../../database/duplicate-key';

/** Who took an attempt: a dispatcher that sends it, one that recovers it after a crash, or a cancel. */
export type ClaimKind = 'send' | 'recover' | 'cancel';

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

  find(deliveryId: string, attempt: number): Promise<DeliveryClaim | null> {
    return this.collection.findOne({ _id: `${deliveryId}#${attempt}` });
  }
}
