import { Injectable, NotFoundException } from '@nestjs/common';
import { normalisePhoneNumber } from '@clinicflow/channels';
import { DateTime } from 'luxon';
import type { Filter } from 'mongodb';
import { ClockRepository } from '../../common/clock.repository';
import { foldedTextPattern } from '../../tenancy/clinic-scoped.repository';
import type { DeliveryDocument } from '../deliveries/delivery.document';
import { SettingsRepository } from '../settings/settings.repository';
import { DeliveryFilterQuery, DeliverySummaryQuery, DeliveryListQuery, RANGES } from './delivery-report.dto';
import { DeliveryReportRepository } from './delivery-report.repository';
import { clinicDay } from '../../common/clinic-day';

const RANGE_FIELDS = { created: 'createdAt', send: 'sendAt', delivered: 'deliveredAt' } as const;

/** A delivery as the report lists it (api.md), `id` instead of `_id`. */
export function toDeliveryRow(d: DeliveryDocument) {
  return {
    id: d._id,
    createdAt: d.createdAt,
    sendAt: d.sendAt,
    sentAt: d.sentAt,
    deliveredAt: d.deliveredAt,
    expiresAt: d.expiresAt,
    status: d.status,
    channel: d.channel,
    recipient: d.recipient,
    text: d.text,
    subject: d.subject,
    segments: d.segments,
    credits: d.credits,
    error: d.error,
    reason: d.reason,
    flowId: d.flowId,
    nodeId: d.nodeId,
    appointmentId: d.appointmentId,
    patientId: d.patientId,
    serviceId: d.serviceId,
    resourceId: d.resourceId,
    origin: d.origin,
    batchId: d.batchId,
    inDoubt: d.inDoubt,
  };
}

/** One delivery with everything the detail drawer shows (S4): history, provider, sender, run. */
export function toDeliveryDetail(d: DeliveryDocument) {
  return {
    ...toDeliveryRow(d),
    runId: d.runId,
    flowVersion: d.flowVersion,
    sender: d.sender,
    language: d.language,
    purpose: d.purpose,
    expectsReply: d.expectsReply,
    answeredAt: d.answeredAt,
    provider: d.provider,
    providerMessageId: d.providerMessageId,
    attempt: d.attempt,
    history: d.history,
    updatedAt: d.updatedAt,
  };
}

/** The message summary report's data (S3, S4): filtered pages with totals by status and channel. */
@Injectable()
export class DeliveryReportService {
  constructor(
    private readonly report: DeliveryReportRepository,
    private readonly settings: SettingsRepository,
    private readonly clock: ClockRepository,
  ) {}

  async list(clinicId: string, query: DeliveryListQuery) {
    const filter = await this.filterOf(clinicId, query);
    const [page, counts] = await Promise.all([
      this.report.page(clinicId, filter, query),
      this.report.countByStatusAndChannel(clinicId, filter),
    ]);
    const byStatus: Record<string, number> = {};
    const byChannel: Record<string, number> = {};
    for (const { status, channel, count } of counts) {
      byStatus[status] = (byStatus[status] ?? 0) + count;
      byChannel[channel] = (byChannel[channel] ?? 0) + count;
    }
    return { ...page, items: page.items.map(toDeliveryRow), totals: { byStatus, byChannel } };
  }

  /** One delivery with the decisions of the run it came from (S4). */
  async get(clinicId: string, id: string) {
    const delivery = await this.find(clinicId, id);
    const run = delivery.runId ? await this.report.run(clinicId, delivery.runId) : null;
    return {
      ...toDeliveryDetail(delivery),
      run: run
        ? {
            id: run._id,
            status: run.status,
            flowVersion: run.flowVersion,
            eventType: run.eventType,
            endedReason: run.endedReason ?? null,
            steps: run.steps ?? [],
          }
        : null,
    };
  }

  /** Counts per clinic-local send day × status × channel, and credits used (the report's chart). */
  async summary(clinicId: string, query: DeliverySummaryQuery) {
    const now = this.clock.now();
    const settings = await this.settings.findForClinic(clinicId);
    const zone = settings?.timeZone ?? 'UTC';
    const today = clinicDay(now, zone);
    const to = query.to ?? (query.from && query.from > today ? query.from : today);
    const from = query.from ?? DateTime.fromISO(to).minus({ days: 29 }).toISODate()!;
    const { from: _from, to: _to, ...filters } = query;
    const filter: Filter<DeliveryDocument> = {
      ...(await this.filterOf(clinicId, filters)),
      sendDay: { $gte: from, $lte: to },
    };
    const [rows, credits] = await Promise.all([
      this.report.countByDay(clinicId, filter),
      this.report.creditsByDay(clinicId, filter),
    ]);
    const days = new Map<string, DaySummary>();
    for (let d = DateTime.fromISO(from); d.toISODate()! <= to; d = d.plus({ days: 1 })) {
      const day = d.toISODate()!;
      days.set(day, emptyDay(day, credits[day] ?? 0));
    }
    const totals = emptyDay('', 0);
    for (const row of rows) {
      for (const summary of [days.get(row.day), totals]) {
        if (!summary) continue;
        summary.total += row.count;
        summary.byStatus[row.status] = (summary.byStatus[row.status] ?? 0) + row.count;
        summary.byChannel[row.channel] = (summary.byChannel[row.channel] ?? 0) + row.count;
        summary.byStatusAndChannel[row.status] ??= {};
        summary.byStatusAndChannel[row.status][row.channel] =
          row.count + (summary.byStatusAndChannel[row.status][row.channel] ?? 0);
      }
    }
    totals.credits = Object.values(credits).reduce((sum, n) => sum + n, 0);
    const { day: _day, ...overall } = totals;
    return { from, to, days: [...days.values()], totals: overall };
  }

  async find(clinicId: string, id: string): Promise<DeliveryDocument> {
    const delivery = await this.report.findById(clinicId, id);
    if (!delivery) throw new NotFoundException(`No delivery ${id}`);
    return delivery;
  }

  /** The database filter of the report's filters (the list's and the export's). */
  async filterOf(clinicId: string, query: DeliveryFilterQuery): Promise<Filter<DeliveryDocument>> {
    const filter: Filter<DeliveryDocument> = {};
    if (query.status) filter.status = { $in: query.status };
    if (query.channel) filter.channel = { $in: query.channel };
    for (const field of [
      'flowId',
      'serviceId',
      'resourceId',
      'patientId',
      'appointmentId',
      'batchId',
    ] as const) {
      if (query[field]) filter[field] = query[field];
    }
    const ranges = RANGES.filter((r) => query[`${r}From`] || query[`${r}To`]);
    const settings = ranges.length || query.q ? await this.settings.findForClinic(clinicId) : null;
    const zone = settings?.timeZone ?? 'UTC';
    for (const range of ranges) {
      const bounds: Record<string, Date> = {};
      const from = query[`${range}From`];
      const to = query[`${range}To`];
      if (from) bounds.$gte = instantOf(from, zone, 'start');
      if (to) {
        if (to.length === 10) bounds.$lt = instantOf(to, zone, 'next-day');
        else bounds.$lte = instantOf(to, zone, 'start');
      }
      (filter as Record<string, unknown>)[RANGE_FIELDS[range]] = bounds;
    }
    if (query.q) filter.$or = searchFilters(query.q, settings?.country ?? 'FR');
    return filter;
  }
}

export interface DaySummary {
  day: string;
  total: number;
  byStatus: Record<string, number>;
  byChannel: Record<string, number>;
  byStatusAndChannel: Record<string, Record<string, number>>;
  credits: number;
}

function emptyDay(day: string, credits: number): DaySummary {
  return { day, total: 0, byStatus: {}, byChannel: {}, byStatusAndChannel: {}, credits };
}

/** An instant of a bound: itself, or the start of a clinic-local day (or of the day after it). */
function instantOf(bound: string, zone: string, which: 'start' | 'next-day'): Date {
  if (bound.length > 10) return new Date(bound);
  const day = DateTime.fromISO(bound, { zone }).startOf('day');
  return (which === 'next-day' ? day.plus({ days: 1 }) : day).toJSDate();
}

/**
 * `q`: in the recipient's name or address, blind to case and accents, and the number in E.164 when `q` reads
 * as a phone number. Both look in the folded `searchText`, which the database reads from an index.
 */
function searchFilters(q: string, country: string): Filter<DeliveryDocument>[] {
  const filters: Filter<DeliveryDocument>[] = [{ searchText: foldedTextPattern(q) }];
  const number = normalisePhoneNumber(q, country);
  if (number.valid) filters.push({ searchText: foldedTextPattern(number.e164) });
  return filters;
}
