import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection, Document as MongoDocument, Filter, FindCursor } from 'mongodb';
import type { Connection } from 'mongoose';
import { ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';
import type { DeliveryDocument } from '../deliveries/delivery.document';
import { EXPORT_PROJECTION, type ExportedDelivery } from './delivery-export.columns';

/** The report's reads of `deliveries`: pages and counts grouped by one field. */
@Injectable()
export class DeliveryReportRepository extends ClinicScopedRepository<DeliveryDocument> {
  private readonly runs: Collection<MongoDocument & { _id: string; clinicId: string }>;
  private readonly flows: Collection<{ _id: string; clinicId: string; draft?: { name?: string } }>;

  constructor(@InjectConnection() connection: Connection) {
    super(connection, 'deliveries');
    this.runs = connection.db!.collection('runs');
    this.flows = connection.db!.collection('flows');
  }

  /** The run a delivery came from (by `_id`), for its decisions; null when it is another clinic's. */
  async run(clinicId: string, runId: string): Promise<MongoDocument | null> {
    const run = await this.runs.findOne({ _id: runId });
    return run && run.clinicId === clinicId ? run : null;
  }

  /**
   * The export's rows, newest first, as a cursor read in batches: only the exported fields are loaded, and
   * the caller reads them one by one (never the whole result in memory).
   */
  exportCursor(clinicId: string, filter: Filter<DeliveryDocument>): FindCursor<ExportedDelivery> {
    return this.collection
      .find(this.scope(clinicId, filter), { projection: EXPORT_PROJECTION, batchSize: 1000 })
      .sort({ createdAt: -1, _id: 1 }) as unknown as FindCursor<ExportedDelivery>;
  }

  /** The clinic's flows' names by id (a clinic has a few dozen flows at most). */
  async flowNames(clinicId: string): Promise<Map<string, string>> {
    const flows = await this.flows.find({ clinicId }, { projection: { 'draft.name': 1 } }).toArray();
    return new Map(flows.map((flow) => [flow._id, flow.draft?.name ?? flow._id]));
  }

  /** Deliveries per clinic-local send day × status × channel (the report's chart). */
  async countByDay(
    clinicId: string,
    filter: Filter<DeliveryDocument>,
  ): Promise<{ day: string; status: string; channel: string; count: number }[]> {
    const rows = await this.collection
      .aggregate<{ _id: { day: string; status: string; channel: string }; count: number }>([
        { $match: this.scope(clinicId, filter) },
        {
          $group: {
            _id: { day: '$sendDay', status: '$status', channel: '$channel' },
            count: { $sum: 1 },
          },
        },
      ])
      .toArray();
    return rows.map((row) => ({ ...row._id, count: row.count }));
  }

  /** Credits taken per clinic-local send day (its own `$group`: one accumulator each on FerretDB). */
  async creditsByDay(clinicId: string, filter: Filter<DeliveryDocument>): Promise<Record<string, number>> {
    const rows = await this.collection
      .aggregate<{ _id: string; credits: number }>([
        { $match: this.scope(clinicId, { ...filter, credits: { $gt: 0 } }) },
        { $group: { _id: '$sendDay', credits: { $sum: '$credits' } } },
      ])
      .toArray();
    return Object.fromEntries(rows.map((row) => [row._id, row.credits]));
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
