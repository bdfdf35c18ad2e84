import { Injectable } from '@nestjs/common';
import type { Channel } from '@clinicflow/rules';
import { Db, type Filter, type FindCursor, type Sort } from 'mongodb';
import { foldedTextPattern, type Page, type PageQuery } from '../../tenancy/clinic-scoped.repository';
import { SQL_PUSHDOWN } from '../../database/pushdown';
import { withNulls, type DeliveryDocument, type DeliveryStatus } from './delivery.document';
import { StoredDeliveriesRepository } from './stored-deliveries.repository';

/** The report's orders: by creation, send or delivery time, newest (`-`) or oldest first. */
export type DeliveryOrder =
  '-createdAt' | 'createdAt' | '-sendAt' | 'sendAt' | '-deliveredAt' | 'deliveredAt';

/**
 * The database order of each of the report's orders. Ties go by creation, then by `_id` (unique), so a page
 * boundary is the same on every request: paging never repeats or skips a row. An ascending sort is the exact
 * reverse of its descending one, so one index serves both (SQLite reads it backwards); the indexes are
 * declared with the deliveries' (`DeliveryRepository`). A missing or null date is smaller than any date, as
 * MongoDB and SQLite both order it: first when ascending, last when descending.
 */
export const SORT_ORDERS: Record<DeliveryOrder, Sort> = {
  '-createdAt': { createdAt: -1, _id: 1 },
  createdAt: { createdAt: 1, _id: -1 },
  '-sendAt': { sendAt: -1, createdAt: -1, _id: 1 },
  sendAt: { sendAt: 1, createdAt: 1, _id: -1 },
  '-deliveredAt': { deliveredAt: -1, createdAt: -1, _id: 1 },
  deliveredAt: { deliveredAt: 1, createdAt: 1, _id: -1 },
};

/** Bounds of an instant: from (inclusive), and before or up to. */
export interface InstantRange {
  from?: Date;
  before?: Date;
  upTo?: Date;
}

/** Which deliveries the report shows: every criterion given must hold. */
export interface DeliveryCriteria {
  statuses?: readonly DeliveryStatus[];
  channels?: readonly Channel[];
  flowId?: string;
  serviceId?: string;
  resourceId?: string;
  patientId?: string;
  appointmentId?: string;
  batchId?: string;
  /** Who sent it: a user's e-mail, or `engine` (DeliveryDocument.sentBy). */
  sentBy?: string;
  createdAt?: InstantRange;
  sendAt?: InstantRange;
  deliveredAt?: InstantRange;
  /** Clinic-local send days (yyyy-MM-dd), inclusive. */
  sendDays?: { from: string; to: string };
  /** Opened (an e-mail's tracking image fetched) or not. */
  opened?: boolean;
  /** Texts of which one must be in the recipient's name or address (stored folded: blind to case and accents). */
  search?: readonly string[];
}

const REFERENCES = [
  'flowId',
  'serviceId',
  'resourceId',
  'patientId',
  'appointmentId',
  'batchId',
  'sentBy',
] as const;
const INSTANTS = ['createdAt', 'sendAt', 'deliveredAt'] as const;

/** The report's reads of `deliveries`: pages, counts grouped by one field, the export's cursor. Read-only. */
@Injectable()
export class DeliveryReportRepository extends StoredDeliveriesRepository {
  constructor(db: Db) {
    super(db);
  }

  /**
   * The export's rows in the report's order, as a cursor read in batches: only `fields` are loaded, and the
   * caller reads them one by one (never the whole result in memory).
   */
  exportCursor<K extends keyof DeliveryDocument>(
    clinicId: string,
    criteria: DeliveryCriteria,
    order: DeliveryOrder,
    fields: Record<K, 1>,
  ): FindCursor<Pick<DeliveryDocument, K>> {
    return this.collection
      .find(this.scope(clinicId, filterOf(criteria)), {
        ...SQL_PUSHDOWN,
        projection: fields,
        batchSize: 1000,
      })
      .sort(SORT_ORDERS[order])
      .map((row) => withNulls(row, fields)) as unknown as FindCursor<Pick<DeliveryDocument, K>>;
  }

  /** One page of the report in the asked order, and the criteria's total. */
  async page(
    clinicId: string,
    criteria: DeliveryCriteria,
    query: PageQuery & { sort: DeliveryOrder },
  ): Promise<Page<DeliveryDocument>> {
    const scoped = this.scope(clinicId, filterOf(criteria));
    const [items, total] = await Promise.all([
      this.collection
        .find(scoped, SQL_PUSHDOWN)
        .sort(SORT_ORDERS[query.sort])
        .skip((query.page - 1) * query.pageSize)
        .limit(query.pageSize)
        .toArray() as Promise<DeliveryDocument[]>,
      this.collection.countDocuments(scoped, SQL_PUSHDOWN),
    ]);
    return {
      items: items.map((item) => this.fromStored(item)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Deliveries per clinic-local send day × status × channel (the report's chart). */
  async countByDay(
    clinicId: string,
    criteria: DeliveryCriteria,
  ): Promise<{ day: string; status: string; channel: string; count: number }[]> {
    const rows = await this.collection
      .aggregate<{ _id: { day: string; status: string; channel: string }; count: number }>(
        [
          { $match: this.scope(clinicId, filterOf(criteria)) },
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
  async creditsByDay(clinicId: string, criteria: DeliveryCriteria): Promise<Record<string, number>> {
    const rows = await this.collection
      .aggregate<{ _id: string; credits: number }>(
        [
          { $match: this.scope(clinicId, { ...filterOf(criteria), credits: { $gt: 0 } }) },
          { $group: { _id: '$sendDay', credits: { $sum: '$credits' } } },
        ],
        SQL_PUSHDOWN,
      )
      .toArray();
    return Object.fromEntries(rows.map((row) => [row._id, row.credits]));
  }

  /**
   * Counts per status and channel over the whole criteria: one `$group` (one accumulator, as FerretDB 1.24
   * needs) whose rows give both the totals by status and by channel.
   */
  async countByStatusAndChannel(
    clinicId: string,
    criteria: DeliveryCriteria,
  ): Promise<{ status: string; channel: string; count: number }[]> {
    const rows = await this.collection
      .aggregate<{ _id: { status: string; channel: string }; count: number }>(
        [
          { $match: this.scope(clinicId, filterOf(criteria)) },
          { $group: { _id: { status: '$status', channel: '$channel' }, count: { $sum: 1 } } },
        ],
        SQL_PUSHDOWN,
      )
      .toArray();
    return rows.map((row) => ({ ...row._id, count: row.count }));
  }
}

/** The database filter of the report's criteria. */
function filterOf(criteria: DeliveryCriteria): Filter<DeliveryDocument> {
  const filter: Filter<DeliveryDocument> = {};
  if (criteria.statuses) filter.status = { $in: [...criteria.statuses] };
  if (criteria.channels) filter.channel = { $in: [...criteria.channels] };
  for (const field of REFERENCES) {
    if (criteria[field]) filter[field] = criteria[field];
  }
  for (const field of INSTANTS) {
    const range = criteria[field];
    if (!range) continue;
    (filter as Record<string, unknown>)[field] = {
      ...(range.from ? { $gte: range.from } : {}),
      ...(range.before ? { $lt: range.before } : {}),
      ...(range.upTo ? { $lte: range.upTo } : {}),
    };
  }
  // A range on the date (not `$ne: null`) so that FerretDB reads it in SQL; a delivery never opened has none.
  if (criteria.opened !== undefined) filter.openedAt = criteria.opened ? { $gte: new Date(0) } : null;
  if (criteria.sendDays) filter.sendDay = { $gte: criteria.sendDays.from, $lte: criteria.sendDays.to };
  if (criteria.search) filter.$or = criteria.search.map((text) => ({ searchText: foldedTextPattern(text) }));
  return filter;
}
