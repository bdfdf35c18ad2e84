import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';
import type { DeliveryDocument } from './delivery.document';

/** The `deliveries` collection: one document per message, `_id` = its idempotency key. */
@Injectable()
export class DeliveryRepository extends ClinicScopedRepository<DeliveryDocument> implements OnModuleInit {
  constructor(@InjectConnection() connection: Connection) {
    super(connection, 'deliveries');
  }

  onModuleInit() {
    return this.ensureIndexes([
      { key: { clinicId: 1, createdAt: -1 } },
      { key: { clinicId: 1, runId: 1 } },
      { key: { clinicId: 1, appointmentId: 1 } },
      { key: { clinicId: 1, patientId: 1, sentAt: -1 } },
    ]);
  }

  /** Reads many by `_id` (the indexed path on FerretDB), whatever their clinic: for the dispatcher. */
  findByIds(ids: string[]): Promise<DeliveryDocument[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.collection.find({ _id: { $in: ids } }).toArray() as Promise<DeliveryDocument[]>;
  }

  /** Reads one by `_id` whatever its clinic: for the dispatcher, which works for every clinic. */
  findAnyById(id: string): Promise<DeliveryDocument | null> {
    return this.collection.findOne({ _id: id }) as Promise<DeliveryDocument | null>;
  }
}
