import { z } from 'zod';
import { CHANNELS, type Channel } from '../channels/channel';
import { isDateLike } from '../dates/dates';
import { pageFields } from '../paging/page';
import { searchTextSchema } from '../paging/search-text';
import { DELIVERY_STATUSES, type DeliveryStatus } from './delivery-status';

/** A bound of a date range: an instant (ISO 8601 with offset) or a clinic-local day (yyyy-MM-dd). */
const bound = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  error: 'must be an ISO 8601 instant or a day yyyy-MM-dd',
});

/** A query parameter holding one or more values, as `status=failed` or `status=failed,retrying`. */
export function listOf<T extends string>(values: readonly T[], noun: string) {
  return z
    .string()
    .max(500)
    .meta({ description: `One or more ${noun} values, comma-separated: ${values.join(', ')}` })
    .transform((text, context) => {
      const items = text
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
      const unknown = items.filter((v) => !values.includes(v as T));
      if (unknown.length > 0) {
        context.addIssue({
          code: 'custom',
          message: `unknown ${noun} ${unknown.map((u) => `"${u}"`).join(', ')}; one of ${values.join(', ')}`,
        });
        return z.NEVER;
      }
      return items as T[];
    });
}

/** The report's date ranges: created, to be sent, delivered; each has a `…From` and a `…To` parameter. */
export const RANGES = ['created', 'send', 'delivered'] as const;
export type DeliveryRange = (typeof RANGES)[number];

/** The report's filters, shared by the list, the export and (without the send range) the summary. */
export const deliveryFilterFields = {
  status: listOf<DeliveryStatus>(DELIVERY_STATUSES, 'status').optional(),
  channel: listOf<Channel>(CHANNELS, 'channel').optional(),
  flowId: z.string().max(200).optional(),
  serviceId: z.string().max(200).optional(),
  resourceId: z.string().max(200).optional(),
  patientId: z.string().max(200).optional(),
  appointmentId: z.string().max(200).optional(),
  batchId: z.string().max(200).optional(),
  sentBy: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .meta({ description: 'Who sent it: a user’s e-mail, or `engine` for the flows’ messages and notices' })
    .optional(),
  createdFrom: bound.optional(),
  createdTo: bound.optional(),
  sendFrom: bound.optional(),
  sendTo: bound.optional(),
  deliveredFrom: bound.optional(),
  deliveredTo: bound.optional(),
  q: searchTextSchema.optional(),
  opened: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .transform((value) => value === 'true')
    .meta({ description: 'E-mails opened (their tracking image fetched, C6) or, with false, not opened' })
    .optional(),
};

type RangeBounds = Partial<Record<`${DeliveryRange}${'From' | 'To'}`, string>>;

/** An end before its start is a 400 on the end. */
function checkRanges(query: RangeBounds, context: z.RefinementCtx) {
  for (const range of RANGES) {
    const from = query[`${range}From`];
    const to = query[`${range}To`];
    // zod 4 runs this even when a bound failed its own check: compare only two valid bounds.
    if (!isDateLike(from) || !isDateLike(to)) continue;
    // Days compare as their first instant; a day "to" covers the whole day.
    const before =
      from.slice(0, 10) > to.slice(0, 10) ||
      (from.length > 10 && to.length > 10 && Date.parse(to) < Date.parse(from));
    if (before) {
      context.addIssue({ code: 'custom', path: [`${range}To`], message: `must not be before ${range}From` });
    }
  }
}

/**
 * The orders the report offers: a date column, `-` for newest first. Each has an index on `deliveries`
 * (docs/report.md), so the database reads a page in order instead of sorting the clinic's whole history.
 */
export const DELIVERY_SORTS = [
  '-createdAt',
  'createdAt',
  '-sendAt',
  'sendAt',
  '-deliveredAt',
  'deliveredAt',
] as const;
export type DeliverySort = (typeof DELIVERY_SORTS)[number];

/** `sort`: one of DELIVERY_SORTS; anything else is a 400 naming `query.sort` with the allowed values. */
const sortField = z
  .enum(DELIVERY_SORTS, { error: `must be one of ${DELIVERY_SORTS.join(', ')}` })
  .default('-createdAt')
  .meta({
    description:
      'The order: `createdAt`, `sendAt` or `deliveredAt`, oldest first, or newest first with a leading `-` (default `-createdAt`). Ties go by creation, then id, so pages never repeat or skip a row; a delivery without the date (not delivered yet) counts as older than any date: last in a `-` order, first otherwise.',
  });

/** `GET /api/deliveries`: the filters, the order and the paging (50 a page by default). */
export const deliveryListQuerySchema = z
  .object({ ...deliveryFilterFields, sort: sortField, ...pageFields(50) })
  .superRefine(checkRanges);
export type DeliveryListQuery = z.output<typeof deliveryListQuerySchema>;
/** The filters alone, without the order, paging or the export's options. */
export type DeliveryFilterQuery = Omit<DeliveryListQuery, 'page' | 'pageSize' | 'sort'>;

/** What the export's file carries, said before anyone downloads it (staff confirm it). */
export const PERSONAL_DATA_WARNING =
  'confirm=personal-data is required: the file contains personal health-related data (patients’ names, numbers and addresses, and the texts of messages about their appointments)';

/** The export's file formats and the languages of its headers. */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const EXPORT_LANGUAGES = ['en', 'fr'] as const;

/** `GET /api/deliveries/export`: the list's filters and order, the file's format and language, the confirmation. */
export const deliveryExportQuerySchema = z
  .object({
    ...deliveryFilterFields,
    sort: sortField,
    format: z.enum(EXPORT_FORMATS, { error: 'must be csv or xlsx' }).default('csv'),
    lang: z.enum(EXPORT_LANGUAGES, { error: 'must be en or fr' }).default('en'),
    confirm: z.literal('personal-data', { error: PERSONAL_DATA_WARNING }),
  })
  .superRefine(checkRanges);
export type DeliveryExportQuery = z.output<typeof deliveryExportQuerySchema>;

const summaryDay = z.iso.date({ error: 'must be a day yyyy-MM-dd' });
/** The longest summary: `to` at most this many days after `from` (the API checks it again once it knows today). */
export const MAX_SUMMARY_DAYS = 366;
const { sendFrom: _sendFrom, sendTo: _sendTo, ...summaryFilterFields } = deliveryFilterFields;

/**
 * `GET /api/deliveries/summary`: the chart's range, clinic-local send days (the last 30 days to today when not
 * given), and the list's other filters, so that the chart and the credits count the rows the table lists.
 */
export const deliverySummaryQuerySchema = z
  .object({ from: summaryDay.optional(), to: summaryDay.optional(), ...summaryFilterFields })
  .superRefine((query, context) => {
    checkRanges(query, context);
    if (!isDateLike(query.from) || !isDateLike(query.to)) return;
    if (query.to < query.from) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    } else if (Date.parse(query.to) - Date.parse(query.from) > MAX_SUMMARY_DAYS * 86_400_000) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: `a summary covers at most ${MAX_SUMMARY_DAYS} days`,
      });
    }
  });
export type DeliverySummaryQuery = z.output<typeof deliverySummaryQuerySchema>;

/** `POST /api/deliveries/:id/cancel`: why, optionally. */
export const deliveryCancelSchema = z
  .object({ reason: z.string().trim().min(1).max(500).optional() })
  .default({});
export type DeliveryCancel = z.output<typeof deliveryCancelSchema>;
