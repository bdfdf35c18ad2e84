import { Db, type Collection } from 'mongodb';
import { Injectable } from '@nestjs/common';
import { CoalescedWrites } from '../../database/coalesced';

/**
 * Finds a delivery from a provider's message id (receipts and callbacks name only that) by `_id`, the
 * indexed path on FerretDB: `_id` = `<clinic id>:<provider name>:<provider message id>`. The clinic is in the
 * key because two clinics' providers (two SMS centres) may number their messages alike: each keeps its own
 * link. Links written before that (`<provider name>:<provider message id>`) are still read.
 */
export interface ProviderMessageLink {
  _id: string;
  clinicId: string;
  deliveryId: string;
  at: Date;
  /** The delivery's attempt that sent it (absent on links written before): an older attempt's receipt changes nothing. */
  attempt?: number;
}

@Injectable()
export class ProviderMessageRepository {
  private readonly collection: Collection<ProviderMessageLink>;
  private readonly writes: CoalescedWrites<ProviderMessageLink>;

  constructor(db: Db) {
    this.collection = db.collection<ProviderMessageLink>('provider_messages');
    this.writes = new CoalescedWrites(this.collection);
  }

  async link(
    provider: string,
    providerMessageId: string,
    clinicId: string,
    deliveryId: string,
    at: Date,
    attempt?: number,
  ) {
    // An insert (not an upsert): on FerretDB an update scans the collection, an insert by `_id` does not.
    // The same id linked twice (a recovered send the provider deduplicated) names the same delivery.
    await this.writes.write({
      insertOne: {
        document: {
          _id: linkId(clinicId, provider, providerMessageId),
          clinicId,
          deliveryId,
          at,
          ...(attempt === undefined ? {} : { attempt }),
        },
      },
    });
  }

  /** The clinic's link of this provider message id (its own, or one written before links were per clinic). */
  async find(
    clinicId: string,
    provider: string,
    providerMessageId: string,
  ): Promise<ProviderMessageLink | null> {
    const link = await this.collection.findOne({ _id: linkId(clinicId, provider, providerMessageId) });
    if (link) return link;
    const older = await this.collection.findOne({ _id: `${provider}:${providerMessageId}` });
    return older?.clinicId === clinicId ? older : null;
  }
}

function linkId(clinicId: string, provider: string, providerMessageId: string): string {
  return `${clinicId}:${provider}:${providerMessageId}`;
}
