import { Injectable } from '@nestjs/common';
import { normalisePhoneNumber } from '@clinicflow/channels';
import { MAX_SUMMARY_DAYS } from '@clinicflow/contract';
import { DateTime } from 'luxon';
import { AppError } from '../../common/app-error';
import { clinicDay } from '../../common/clinic-day';
import { ClockRepository } from '../../common/clock.repository';
import { ENGINE_SENDER, type DeliveryDocument } from '../deliveries/delivery.document';
import {
  DeliveryReportRepository,
  type DeliveryCriteria,
  type InstantRange,
} from '../deliveries/delivery-report.repository';
import { DeliveryService } from '../deliveries/delivery.service';
import { toDeliveryDetail, toDeliveryRow } from '../deliveries/delivery-view';
import { RunService } from '../runs/run.service';
import { toRunStepView } from '../runs/run-view';
import { SettingsService } from '../settings/settings.service';
import { UserService } from '../users/user.service';
import { DeliveryFilterQuery, DeliverySummaryQuery, DeliveryListQuery, RANGES } from './delivery-report.dto';

const RANGE_FIELDS = { created: 'createdAt', send: 'sendAt', delivered: 'deliveredAt' } as const;

/** The message summary report's data (S3, S4): filtered pages with totals by status and channel. */
@Injectable()
export class DeliveryReportService {
  constructor(
    private readonly report: DeliveryReportRepository,
    private readonly deliveries: DeliveryService,
    private readonly runs: RunService,
    private readonly settings: SettingsService,
    private readonly users: UserService,
    private readonly clock: ClockRepository,
  ) {}

  /** Who may have sent the clinic's messages (S3): the engine, then the clinic's users by e-mail. */
  async sentByOptions(clinicId: string) {
    const users = await this.users.list(clinicId);
    return {
      items: [
        { sentBy: ENGINE_SENDER, name: null },
        ...users.map((user) => ({ sentBy: user.email, name: user.name })),
      ],
    };
  }

  async list(clinicId: string, query: DeliveryListQuery) {
    const criteria = await this.criteriaOf(clinicId, query);
    const [page, counts] = await Promise.all([
      this.report.page(clinicId, criteria, query),
      this.report.countByStatusAndChannel(clinicId, criteria),
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
    const run = delivery.runId ? await this.runs.find(clinicId, delivery.runId) : null;
    return {
      ...toDeliveryDetail(delivery),
      run: run
        ? {
            id: run._id,
            status: run.status,
            flowVersion: run.flowVersion,
            eventType: run.eventType,
            endedReason: run.endedReason ?? null,
            endedWhy: run.endedWhy ?? null,
            // the decisions only: a planned step's message (its template and data) stays out of the answer
            steps: (run.steps ?? []).map(toRunStepView),
          }
        : null,
    };
  }

  /** Counts per clinic-local send day × status × channel, and credits used (the report's chart). */
  async summary(clinicId: string, query: DeliverySummaryQuery) {
    const now = this.clock.now();
    const settings = await this.settings.find(clinicId);
    const zone = settings?.timeZone ?? 'UTC';
    const today = clinicDay(now, zone);
    const to = query.to ?? (query.from && query.from > today ? query.from : today);
    const from = query.from ?? DateTime.fromISO(to).minus({ days: 29 }).toISODate()!;
    // The query's check sees only the days given: a `from` alone runs to today, which it cannot know.
    if (DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days > MAX_SUMMARY_DAYS) {
      throw AppError.invalid(
        [
          {
            path: query.to ? 'query.to' : 'query.from',
            message: `a summary covers at most ${MAX_SUMMARY_DAYS} days${query.to ? '' : ' (up to today when to is not given)'}`,
          },
        ],
        'The summary’s range is too long',
      );
    }
    const { from: _from, to: _to, ...filters } = query;
    const criteria: DeliveryCriteria = {
      ...(await this.criteriaOf(clinicId, filters)),
      sendDays: { from, to },
    };
    const [rows, credits] = await Promise.all([
      this.report.countByDay(clinicId, criteria),
      this.report.creditsByDay(clinicId, criteria),
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
    const delivery = await this.deliveries.find(clinicId, id);
    if (!delivery) throw AppError.notFound(`No delivery ${id}`);
    return delivery;
  }

  /** The deliveries the report's filters ask for (the list's and the export's), in the clinic's time. */
  async criteriaOf(clinicId: string, query: DeliveryFilterQuery): Promise<DeliveryCriteria> {
    const criteria: DeliveryCriteria = {
      statuses: query.status,
      channels: query.channel,
      flowId: query.flowId,
      serviceId: query.serviceId,
      resourceId: query.resourceId,
      patientId: query.patientId,
      appointmentId: query.appointmentId,
      batchId: query.batchId,
      sentBy: query.sentBy,
      opened: query.opened,
    };
    const ranges = RANGES.filter((r) => query[`${r}From`] || query[`${r}To`]);
    const settings = ranges.length || query.q ? await this.settings.find(clinicId) : null;
    const zone = settings?.timeZone ?? 'UTC';
    for (const range of ranges) {
      const bounds: InstantRange = {};
      const from = query[`${range}From`];
      const to = query[`${range}To`];
      if (from) bounds.from = instantOf(from, zone, 'start');
      if (to) {
        if (to.length === 10) bounds.before = instantOf(to, zone, 'next-day');
        else bounds.upTo = instantOf(to, zone, 'start');
      }
      criteria[RANGE_FIELDS[range]] = bounds;
    }
    if (query.q) criteria.search = searchTexts(query.q, settings?.country ?? 'FR');
    return criteria;
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
function searchTexts(q: string, country: string): string[] {
  const number = normalisePhoneNumber(q, country);
  return number.valid ? [q, number.e164] : [q];
}
