import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection, Document as MongoDocument, Filter, FindCursor, Sort } from 'mongodb';
import type { Connection } from 'mongoose';
import { ClinicScopedRepository, type Page, type PageQuery } from '../../tenancy/clinic-scoped.repository';
import type { DeliveryDocument } from '../deliveries/delivery.document';
import { EXPORT_PROJECTION, type ExportedDelivery } from './delivery-export.columns';
import type { DeliverySort } from './delivery-report.dto';

/**
 * Asks clinicflow's FerretDB to run a query in SQL (filter, sort, limit, `[$match, $group]`) instead of
 * decoding the whole collection in Go (docs/report.md). The report vouches for what that needs: every field
 * it filters, sorts or groups deliveries on holds one scalar type (strings, dates, numbers or null; never an
 * array). MongoDB ignores the comment.
 */
export const SQL_PUSHDOWN = { comment: 'clinicflow:pushdown' } as const;

/**
 * The database order of each of the report's sorts. Ties go by creation, then by `_id` (unique), so a page
 * boundary is the same on every request: paging never repeats or skips a row. An ascending sort is the exact
 * reverse of its descending one, so one index serves both (SQLite reads it backwards); the indexes are
 * declared with the deliveries' (`DeliveryRepository`). A missing or null date is smaller than any date, as
 * MongoDB and SQLite both order it: first when ascending, last when descending.
 */
export const SORT_ORDERS: Record<DeliverySort, Sort> = {
  '-createdAt': { createdAt: -1, _id: 1 },
  createdAt: { createdAt: 1, _id: -1 },
  '-sendAt': { sendAt: -1, createdAt: -1, _id: 1 },
  sendAt: { sendAt: 1, createdAt: 1, _id: -1 },
  '-deliveredAt': { deliveredAt: -1, createdAt: -1, _id: 1 },
  deliveredAt: { deliveredAt: 1, createdAt: 1, _id: -1 },
};

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
   * The export's rows in the report's order, as a cursor read in batches: only the exported fields are loaded,
   * and the caller reads them one by one (never the whole result in memory).
   */
  exportCursor(
    clinicId: string,
    filter: Filter<DeliveryDocument>,
    sort: DeliverySort,
  ): FindCursor<ExportedDelivery> {
    return this.collection
      .find(this.scope(clinicId, filter), { ...SQL_PUSHDOWN, projection: EXPORT_PROJECTION, batchSize: 1000 })
      .sort(SORT_ORDERS[sort]) as unknown as FindCursor<ExportedDelivery>;
  }

  /** One page of the report in the asked order (newest first by default), and the filter's total. */
  async page(
    clinicId: string,
    filter: Filter<DeliveryDocument>,
    query: PageQuery & { sort: DeliverySort },
  ): Promise<Page<DeliveryDocument>> {
    const scoped = this.scope(clinicId, filter);
    const [items, total] = await Promise.all([
      this.collection
        .find(scoped, SQL_PUSHDOWN)
        .sort(SORT_ORDERS[query.sort])
        .skip((query.page - 1) * query.pageSize)
        .limit(query.pageSize)
        .toArray() as Promise<DeliveryDocument[]>,
      this.collection.countDocuments(scoped, SQL_PUSHDOWN),
    ]);
    return { items, total, page: query.page, pageSize: query.pageSize };
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
      .aggregate<{ _id: { day: string; status: string; channel: string }; count: number }>(
        [
          { $match: this.scope(clinicId, filter) },
          {
            $group: {
              _id: { day: '$sendDay', status: '$status', channel: '$channel' },
              count: { $sum: 1 },
            },
          },
        ],
        SQL_PUSHDOWN,
      )
      .toArray();
    return rows.map((row) => ({ ...row._id, count: row.count }));
  }

  /** Credits taken per clinic-local send day (its own `$group`: one accumulator each on FerretDB). */
  async creditsByDay(clinicId: string, filter: Filter<DeliveryDocument>): Promise<Record<string, number>> {
    const rows = await this.collection
      .aggregate<{ _id: string; credits: number }>(
        [
          { $match: this.scope(clinicId, { ...filter, credits: { $gt: 0 } }) },
          { $group: { _id: '$sendDay', credits: { $sum: '$credits' } } },
        ],
        SQL_PUSHDOWN,
      )
      .toArray();
    return Object.fromEntries(rows.map((row) => [row._id, row.credits]));
  }

  /**
   * Counts per status and channel over the whole filter: one `$group` (one accumulator, as FerretDB 1.24
   * needs) whose rows give both the totals by status and by channel.
   */
  async countByStatusAndChannel(
    clinicId: string,
    filter: Filter<DeliveryDocument>,
  ): Promise<{ status: string; channel: string; count: number }[]> {
    const rows = await this.collection
      .aggregate<{ _id: { status: string; channel: string }; count: number }>(
        [
          { $match: this.scope(clinicId, filter) },
          { $group: { _id: { status: '$status', channel: '$channel' }, count: { $sum: 1 } } },
        ],
        SQL_PUSHDOWN,
      )
      .toArray();
    return rows.map((row) => ({ ...row._id, count: row.count }));
  }
}
