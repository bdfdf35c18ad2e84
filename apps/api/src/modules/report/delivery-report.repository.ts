import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Filter } from 'mongodb';
import type { Connection } from 'mongoose';
import { ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';
import type { DeliveryDocument } from '../deliveries/delivery.document';

/** The report's reads of `deliveries`: pages and counts grouped by one field. */
@Injectable()
export class DeliveryReportRepository extends ClinicScopedRepository<DeliveryDocument> {
  constructor(@InjectConnection() connection: Connection) {
    super(connection, 'deliveries');
  }

  /**
   * Counts per value of one field. One accumulator per `$group` (FerretDB 1.24 computes only the first one
   * of a `$group` correctly), so each grouping is its own aggregation.
   */
  async countBy(
    clinicId: string,
    filter: Filter<DeliveryDocument>,
    field: 'status' | 'channel',
  ): Promise<Record<string, number>> {
    const rows = await this.collection
      .aggregate<{ _id: string; count: number }>([
        { $match: this.scope(clinicId, filter) },
        { $group: { _id: `$${field}`, count: { $sum: 1 } } },
      ])
      .toArray();
    return Object.fromEntries(rows.map((row) => [row._id, row.count]));
  }
}
