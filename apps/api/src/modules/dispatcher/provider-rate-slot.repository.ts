import { Injectable, OnModuleInit } from '@nestjs/common';
import { Db, type Collection } from 'mongodb';
import { createIndexOnce } from '../../database/create-index';
import { insertManyReportingDuplicates } from '../../database/duplicate-key';

/**
 * One reserved sending slot of a clinic's provider, `_id` = `<clinicId>:<providerKey>:<second>:<n>`: whoever
 * inserts it first may send one message in that second (docs/engine.md, "Provider rates"). No patient data.
 */
export interface ProviderRateSlotDocument {
  _id: string;
  /** The start of the slot's second, for pruning. */
  at: Date;
}

/** The `provider_rate_slots` collection, shared by every API process: its inserts decide who holds a slot. */
@Injectable()
export class ProviderRateSlotRepository implements OnModuleInit {
  private readonly collection: Collection<ProviderRateSlotDocument>;

  constructor(db: Db) {
    this.collection = db.collection<ProviderRateSlotDocument>('provider_rate_slots');
  }

  async onModuleInit() {
    // For MongoDB's pruning; FerretDB scans this small collection anyway (and has no TTL indexes).
    await createIndexOnce(this.collection, { at: 1 });
  }

  /** Inserts the slots in one unordered command; answers the positions another process holds already. */
  async take(slots: ProviderRateSlotDocument[]): Promise<Set<number>> {
    return insertManyReportingDuplicates(this.collection, slots);
  }

  /** Removes the slots of seconds before `before`: past, they decide nothing any more. */
  async pruneBefore(before: Date): Promise<void> {
    await this.collection.deleteMany({ at: { $lt: before } });
  }
}
