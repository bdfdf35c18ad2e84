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
      // The report's totals, chart and status pages: read from the indexes alone on clinicflow's FerretDB
      // (docs/report.md).
      { key: { clinicId: 1, status: 1, channel: 1 } },
      { key: { clinicId: 1, status: 1, createdAt: -1, channel: 1 } },
      { key: { clinicId: 1, sendDay: 1, status: 1, channel: 1, credits: 1 } },
      // The report's sorts by send and delivery time (read forwards or backwards), and their ranges.
      { key: { clinicId: 1, sendAt: -1, createdAt: -1 } },
      { key: { clinicId: 1, deliveredAt: -1, createdAt: -1 } },
    ]);
  }

  /**
   * Reads many by `_id`, whatever their clinic: for the dispatcher. One `findOne` per id, in parallel: on
   * FerretDB an `$in` is a full scan (it grows with the report's history), an `_id` equality is indexed.
   */
  async findByIds(ids: string[]): Promise<DeliveryDocument[]> {
    const found = await Promise.all(ids.map((id) => this.findAnyById(id)));
    return found.filter((delivery): delivery is DeliveryDocument => delivery !== null);
  }

  /** Reads one by `_id` whatever its clinic: for the dispatcher, which works for every clinic. */
  findAnyById(id: string): Promise<DeliveryDocument | null> {
    return this.collection.findOne({ _id: id }) as Promise<DeliveryDocument | null>;
  }
}
