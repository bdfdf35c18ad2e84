import { z } from 'zod';
import { pageFields } from '../../http/zod-validation';
import { deliveryStatuses, type DeliveryStatus } from '../deliveries/delivery.document';

const CHANNELS = ['sms', 'email', 'voice'] as const;

/** A bound of a date range: an instant (ISO 8601 with offset) or a clinic-local day (yyyy-MM-dd). */
const bound = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  error: 'must be an ISO 8601 instant or a day yyyy-MM-dd',
});

/** A list of one or more values, as `status=failed` or `status=failed,retrying`. */
function listOf<T extends string>(values: readonly T[], noun: string) {
  return z
    .string()
    .max(500)
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

const isBound = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value));

export const RANGES = ['created', 'send', 'delivered'] as const;

/** The report's filters, shared by the list and the export. */
const deliveryFilterFields = {
  status: listOf<DeliveryStatus>(deliveryStatuses, 'status').optional(),
  channel: listOf(CHANNELS, 'channel').optional(),
  flowId: z.string().max(200).optional(),
  serviceId: z.string().max(200).optional(),
  resourceId: z.string().max(200).optional(),
  patientId: z.string().max(200).optional(),
  appointmentId: z.string().max(200).optional(),
  batchId: z.string().max(200).optional(),
  createdFrom: bound.optional(),
  createdTo: bound.optional(),
  sendFrom: bound.optional(),
  sendTo: bound.optional(),
  deliveredFrom: bound.optional(),
  deliveredTo: bound.optional(),
  q: z.string().trim().max(200).optional(),
};

type RangeBounds = Partial<Record<`${(typeof RANGES)[number]}${'From' | 'To'}`, string>>;

/** An end before its start is a 400 on the end. */
function checkRanges(query: RangeBounds, context: z.RefinementCtx) {
  for (const range of RANGES) {
    const from = query[`${range}From`];
    const to = query[`${range}To`];
    // zod 4 runs this even when a bound failed its own check: compare only two valid bounds.
    if (!isBound(from) || !isBound(to)) continue;
    // Days compare as their first instant; a day "to" covers the whole day.
    if (from && to && from.slice(0, 10) > to.slice(0, 10)) {
      context.addIssue({
        code: 'custom',
        path: [`${range}To`],
        message: `must not be before ${range}From`,
      });
    } else if (from && to && from.length > 10 && to.length > 10 && Date.parse(to) < Date.parse(from)) {
      context.addIssue({
        code: 'custom',
        path: [`${range}To`],
        message: `must not be before ${range}From`,
      });
    }
  }
}

/**
 * The orders the report offers: a date column, `-` for newest first. Each has an index on `deliveries`
 * (docs/report.md), so SQLite reads a page in order instead of sorting the clinic's whole history.
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

export const deliveryListQuerySchema = z
  .object({ ...deliveryFilterFields, sort: sortField, ...pageFields(50) })
  .superRefine(checkRanges);
export type DeliveryListQuery = z.infer<typeof deliveryListQuerySchema>;
/** The filters alone, without the order, paging or the export's options. */
export type DeliveryFilterQuery = Omit<DeliveryListQuery, 'page' | 'pageSize' | 'sort'>;

/** What the export's file carries, said before anyone downloads it (Orthos asks staff to confirm it). */
export const PERSONAL_DATA_WARNING =
  'confirm=personal-data is required: the file contains personal health-related data (patients’ names, numbers and addresses, and the texts of messages about their appointments)';

/** The export: the list's filters, the file's format and language, and the personal-data confirmation. */
export const deliveryExportQuerySchema = z
  .object({
    ...deliveryFilterFields,
    sort: sortField,
    format: z.enum(['csv', 'xlsx'], { error: 'must be csv or xlsx' }).default('csv'),
    lang: z.enum(['en', 'fr'], { error: 'must be en or fr' }).default('en'),
    confirm: z.literal('personal-data', { error: PERSONAL_DATA_WARNING }),
  })
  .superRefine(checkRanges);
export type DeliveryExportQuery = z.infer<typeof deliveryExportQuerySchema>;

export const deliveryExportCsvExample =
  '\uFEFF"created","to send","sent","delivered","status","channel","recipient type","name","address","text","segments","credits","error","flow","step","appointment","delivery"\r\n' +
  '"2026-03-20 11:00:00","2026-03-24 09:30:00","2026-03-24 09:30:02","2026-03-24 09:30:05","delivered","SMS","patient","Léa Martin","+33612345678","Bonjour Léa, RDV demain à 09:30. Répondez C pour confirmer.","1","1","","Reminders","sms24","apt_6a5b4c3d2e1f0a9b8c7d6e5f","dlv_3f2a9c0e8d7b6a5f4e3d2c1b0a9f8e7d"\r\n';

export const deliveryCancelSchema = z
  .object({ reason: z.string().trim().min(1).max(500).optional() })
  .default({});
export type DeliveryCancel = z.infer<typeof deliveryCancelSchema>;

export const deliveryExample = {
  id: 'dlv_3f2a9c0e8d7b6a5f4e3d2c1b0a9f8e7d',
  createdAt: '2026-03-20T10:00:00.000Z',
  sendAt: '2026-03-24T08:30:00.000Z',
  sentAt: '2026-03-24T08:30:02.000Z',
  deliveredAt: '2026-03-24T08:30:05.000Z',
  expiresAt: '2026-03-25T08:30:00.000Z',
  status: 'delivered',
  channel: 'sms',
  recipient: { type: 'patient', name: 'Léa Martin', address: '+33612345678' },
  text: 'Bonjour Léa, RDV demain à 09:30. Répondez C pour confirmer.',
  subject: null,
  segments: 1,
  credits: 1,
  error: null,
  reason: null,
  flowId: 'flow_reminders',
  nodeId: 'sms24',
  appointmentId: 'apt_6a5b4c3d2e1f0a9b8c7d6e5f',
  patientId: 'pat_0c1d2e3f4a5b6c7d8e9f0a1b',
  serviceId: 'svc_4f3e2d1c0b9a8f7e6d5c4b3a',
  resourceId: 'res_9e8d7c6b5a4f3e2d1c0b9a8f',
  origin: 'flow',
  batchId: null,
  inDoubt: false,
};

export const deliveryListExample = {
  items: [deliveryExample],
  total: 1,
  page: 1,
  pageSize: 50,
  totals: { byStatus: { delivered: 1 }, byChannel: { sms: 1 } },
};

export const deliveryDetailExample = {
  ...deliveryExample,
  runId: 'run_0a1b2c3d4e5f60718293a4b5',
  flowVersion: 3,
  sender: { smsSenderName: 'CabinetParc' },
  language: 'fr',
  provider: 'sandbox',
  providerMessageId: 'sandbox-m8x2k1-1',
  attempt: 1,
  history: [
    { status: 'scheduled', at: '2026-03-20T10:00:00.000Z', attempt: 0, reason: null, by: null },
    { status: 'sending', at: '2026-03-24T08:30:00.000Z', attempt: 1, reason: null, by: 'dispatcher' },
    { status: 'sent', at: '2026-03-24T08:30:02.000Z', attempt: 1, reason: null, by: 'dispatcher' },
    { status: 'delivered', at: '2026-03-24T08:30:05.000Z', attempt: 1, reason: null, by: 'sandbox' },
  ],
};

const summaryDay = z.iso.date({ error: 'must be a day yyyy-MM-dd' });

const { sendFrom: _sendFrom, sendTo: _sendTo, ...summaryFilterFields } = deliveryFilterFields;

/**
 * The chart's range, clinic-local send days (the last 30 days to today when not given), and the list's other
 * filters, so that the chart and the credits count the rows the table lists (its send range is `from`/`to`).
 */
export const deliverySummaryQuerySchema = z
  .object({
    from: summaryDay.optional(),
    to: summaryDay.optional(),
    ...summaryFilterFields,
  })
  .superRefine((query, context) => {
    checkRanges(query, context);
    if (!isBound(query.from) || !isBound(query.to)) return;
    if (query.to < query.from) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    } else if (Date.parse(query.to) - Date.parse(query.from) > 366 * 86_400_000) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'a summary covers at most 366 days' });
    }
  });
export type DeliverySummaryQuery = z.infer<typeof deliverySummaryQuerySchema>;

export const deliverySummaryExample = {
  from: '2026-03-23',
  to: '2026-03-24',
  days: [
    { day: '2026-03-23', total: 0, byStatus: {}, byChannel: {}, credits: 0 },
    {
      day: '2026-03-24',
      total: 3,
      byStatus: { delivered: 2, failed: 1 },
      byChannel: { sms: 2, email: 1 },
      byStatusAndChannel: { delivered: { sms: 1, email: 1 }, failed: { sms: 1 } },
      credits: 2,
    },
  ],
  totals: { total: 3, byStatus: { delivered: 2, failed: 1 }, byChannel: { sms: 2, email: 1 }, credits: 2 },
};
