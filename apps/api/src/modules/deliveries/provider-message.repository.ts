import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { isDuplicateKeyError } from '../../common/ids';

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

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.db!.collection<ProviderMessageLink>('provider_messages');
  }

  async link(provider: string, providerMessageId: string, clinicId: string, deliveryId: string, at: Date) {
    // An insert (not an upsert): on FerretDB an update scans the collection, an insert by `_id` does not.
    // The same id linked twice (a recovered send the provider deduplicated) names the same delivery.
    try {
      await this.collection.insertOne({ _id: `${provider}:${providerMessageId}`, clinicId, deliveryId, at });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  find(provider: string, providerMessageId: string): Promise<ProviderMessageLink | null> {
    return this.collection.findOne({ _id: `${provider}:${providerMessageId}` });
  }
}
