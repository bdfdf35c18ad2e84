import { Injectable, NotFoundException } from '@nestjs/common';
import { normalisePhoneNumber } from '@clinicflow/channels';
import { DateTime } from 'luxon';
import type { Filter } from 'mongodb';
import { searchPattern } from '../../tenancy/clinic-scoped.repository';
import type { DeliveryDocument } from '../deliveries/delivery.document';
import { SettingsRepository } from '../settings/settings.repository';
import { DeliveryListQuery, RANGES } from './delivery-report.dto';
import { DeliveryReportRepository } from './delivery-report.repository';

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
  ) {}

  async list(clinicId: string, query: DeliveryListQuery) {
    const filter = await this.filterOf(clinicId, query);
    const [page, byStatus, byChannel] = await Promise.all([
      this.report.findPage(clinicId, filter, query, { createdAt: -1, _id: 1 }),
      this.report.countBy(clinicId, filter, 'status'),
      this.report.countBy(clinicId, filter, 'channel'),
    ]);
    return { ...page, items: page.items.map(toDeliveryRow), totals: { byStatus, byChannel } };
  }

  async get(clinicId: string, id: string) {
    return toDeliveryDetail(await this.find(clinicId, id));
  }

  async find(clinicId: string, id: string): Promise<DeliveryDocument> {
    const delivery = await this.report.findById(clinicId, id);
    if (!delivery) throw new NotFoundException(`No delivery ${id}`);
    return delivery;
  }

  private async filterOf(clinicId: string, query: DeliveryListQuery): Promise<Filter<DeliveryDocument>> {
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

/** An instant of a bound: itself, or the start of a clinic-local day (or of the day after it). */
function instantOf(bound: string, zone: string, which: 'start' | 'next-day'): Date {
  if (bound.length > 10) return new Date(bound);
  const day = DateTime.fromISO(bound, { zone }).startOf('day');
  return (which === 'next-day' ? day.plus({ days: 1 }) : day).toJSDate();
}

/** `q`: the recipient's name or address, and the number in E.164 when `q` reads as a phone number. */
function searchFilters(q: string, country: string): Filter<DeliveryDocument>[] {
  const pattern = searchPattern(q);
  const filters: Filter<DeliveryDocument>[] = [
    { 'recipient.name': pattern },
    { 'recipient.address': pattern },
  ];
  const number = normalisePhoneNumber(q, country);
  if (number.valid) filters.push({ 'recipient.address': number.e164 });
  return filters;
}
