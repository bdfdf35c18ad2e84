import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Channel } from '@clinicflow/rules';
import type { Connection } from 'mongoose';
import { ClinicDocument, ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';
import type { DeliveryDocument } from '../deliveries/delivery.document';
import type { BatchQuery, SendTemplate } from './send.dto';

/** One batch send (F11): what was asked, who was left out and why; its messages carry its id. */
export interface BatchSendDocument extends ClinicDocument {
  name: string | null;
  channel: Channel;
  query: BatchQuery;
  onePerPhone: boolean;
  template: SendTemplate;
  recipients: number;
  leftOut: { id: string; reason: string }[];
  createdAt: Date;
  createdBy: string;
}

@Injectable()
export class BatchSendRepository extends ClinicScopedRepository<BatchSendDocument> {
  constructor(@InjectConnection() connection: Connection) {
    super(connection, 'batch_sends');
  }
}

/** The deliveries of a batch, counted by status (one accumulator per `$group`: FerretDB). */
@Injectable()
export class BatchProgressRepository extends ClinicScopedRepository<DeliveryDocument> {
  constructor(@InjectConnection() connection: Connection) {
    super(connection, 'deliveries');
  }

  async countByStatus(clinicId: string, batchId: string): Promise<Record<string, number>> {
    const rows = await this.collection
      .aggregate<{ _id: string; count: number }>([
        { $match: this.scope(clinicId, { batchId }) },
        { $group: { _id: '$status', count: { $sum: 1 } } },
      ])
      .toArray();
    return Object.fromEntries(rows.map((row) => [row._id, row.count]));
  }

  /** The appointments among `ids` that already had a message on the channel go out. */
  async appointmentsWithSent(clinicId: string, ids: string[], channel: Channel): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const found = await this.collection
      .find(
        this.scope(clinicId, {
          appointmentId: { $in: ids },
          channel,
          status: { $in: ['sent', 'delivered', 'answered'] },
        }),
      )
      .project<{ appointmentId: string }>({ appointmentId: 1 })
      .toArray();
    return new Set(found.map((d) => d.appointmentId));
  }
}
