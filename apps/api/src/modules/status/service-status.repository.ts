import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Channel } from '@clinicflow/rules';
import { ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';
import { queuedStatuses, type DeliveryDocument } from '../deliveries/delivery.document';
import type { DeliveryQueueEntry } from '../deliveries/delivery-queue.repository';

/** The reads behind the service status page (S8): a few counts and two "latest" lookups per channel. */
@Injectable()
export class ServiceStatusRepository extends ClinicScopedRepository<DeliveryDocument> {
  private readonly queue: Collection<DeliveryQueueEntry>;

  constructor(@InjectConnection() connection: Connection) {
    super(connection, 'deliveries');
    this.queue = connection.db!.collection<DeliveryQueueEntry>('delivery_queue');
  }

  /** The latest delivery of a channel that went out. */
  lastSent(clinicId: string, channel: Channel): Promise<DeliveryDocument | null> {
    return this.collection
      .find(this.scope(clinicId, { channel, sentAt: { $ne: null } }))
      .sort({ sentAt: -1 })
      .limit(1)
      .next() as Promise<DeliveryDocument | null>;
  }

  /** The latest delivery of a channel that a provider refused (failed, or failed and retrying). */
  lastError(clinicId: string, channel: Channel): Promise<DeliveryDocument | null> {
    return this.collection
      .find(this.scope(clinicId, { channel, error: { $ne: null } }))
      .sort({ updatedAt: -1 })
      .limit(1)
      .next() as Promise<DeliveryDocument | null>;
  }

  /** Per channel: deliveries still waiting for the dispatcher. One accumulator per `$group` (FerretDB). */
  waitingByChannel(clinicId: string): Promise<Record<string, number>> {
    return this.countByChannel(clinicId, { status: { $in: [...queuedStatuses] } });
  }

  /** Per channel: deliveries that went out since `since`. */
  sentSinceByChannel(clinicId: string, since: Date): Promise<Record<string, number>> {
    return this.countByChannel(clinicId, { sentAt: { $gte: since } });
  }

  /** The earliest queue entry of the clinic that is due (the dispatcher's lag), from the small queue. */
  oldestDue(clinicId: string, now: Date): Promise<DeliveryQueueEntry | null> {
    return this.queue
      .find({ clinicId, dueAt: { $lte: now } })
      .sort({ dueAt: 1 })
      .limit(1)
      .next();
  }

  private async countByChannel(clinicId: string, filter: object): Promise<Record<string, number>> {
    const rows = await this.collection
      .aggregate<{ _id: string; count: number }>([
        { $match: this.scope(clinicId, filter) },
        { $group: { _id: '$channel', count: { $sum: 1 } } },
      ])
      .toArray();
    return Object.fromEntries(rows.map((row) => [row._id, row.count]));
  }
}
