import { Db, type Collection } from 'mongodb';
import { Injectable } from '@nestjs/common';
import { insertOnce } from '../../database/duplicate-key';

/**
 * Finds a delivery from a provider's message id (receipts and callbacks name only that) by `_id`, the
 * indexed path on FerretDB: `_id` = `<provider name>:<provider message id>`.
 */
export interface ProviderMessageLink {
  _id: string;
  clinicId: string;
  deliveryId: string;
  at: Date;
}

@Injectable()
export class ProviderMessageRepository {
  private readonly collection: Collection<ProviderMessageLink>;

  constructor(db: Db) {
    this.collection = db.collection<ProviderMessageLink>('provider_messages');
  }

  async link(provider: string, providerMessageId: string, clinicId: string, deliveryId: string, at: Date) {
    // An insert (not an upsert): on FerretDB an update scans the collection, an insert by `_id` does not.
    // The same id linked twice (a recovered send the provider deduplicated) names the same delivery.
    await insertOnce(this.collection, { _id: `${provider}:${providerMessageId}`, clinicId, deliveryId, at });
  }

  find(provider: string, providerMessageId: string): Promise<ProviderMessageLink | null> {
    return this.collection.findOne({ _id: `${provider}:${providerMessageId}` });
  }
}
