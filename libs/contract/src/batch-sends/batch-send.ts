import { z } from 'zod';
import { channelSchema } from '../channels/channel';
import { instantSchema } from '../dates/dates';
import { deliveryStatusSchema } from '../deliveries/delivery-status';
import { appointmentStatusSchema } from '../pms-events/pms-event';
import { sendTemplateSchema } from '../sends/one-off-send';

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 instant with its offset' });
const day = z.iso.date({ error: 'must be a day yyyy-MM-dd' });
const DAY_MS = 86_400_000;
const isDay = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Whether a message on the batch's channel already went out for the appointment. */
export const ALREADY_SENT_FILTERS = ['any', 'sent', 'not-sent'] as const;

/**
 * Who a batch picks: the appointments of a range of days (`appointments`), or every patient of the clinic with a
 * usable address on the channel (`patients`, no appointment needed).
 */
export const BATCH_MODES = ['appointments', 'patients'] as const;
export type BatchMode = (typeof BATCH_MODES)[number];

const filterText = z.string().trim().min(1).max(200);

/** The filters that look at appointments, which a batch of every patient does not have. */
const APPOINTMENT_FILTERS = ['resourceId', 'serviceId', 'specialty'] as const;

/**
 * F11: the recipients of a batch: appointments in a range of clinic-local days (`from`, `to`), or every patient
 * with a valid contact (`mode: patients`); both narrowed by the patient's group and insurer, appointments also by
 * practitioner, service, specialty, status and whether a message already went out.
 */
export const batchQuerySchema = z
  .object({
    mode: z.enum(BATCH_MODES).default('appointments'),
    from: day.optional(),
    to: day.optional(),
    channel: channelSchema.default('sms'),
    resourceId: z.string().min(1).max(200).optional(),
    serviceId: z.string().min(1).max(200).optional(),
    /** The specialty: the service's group or the practitioner's specialty, as the directory names them (any case). */
    specialty: filterText.optional(),
    /** The patient's insurer, as the practice-management system names it on the patient. */
    insurer: filterText.optional(),
    /** One of the patient's groups, as the practice-management system names them (any case). */
    patientGroup: filterText.optional(),
    appointmentStatuses: z.array(appointmentStatusSchema).min(1).default(['booked', 'confirmed']),
    sent: z.enum(ALREADY_SENT_FILTERS).default('any'),
  })
  .superRefine((query, context) => {
    const problem = (path: string, message: string) =>
      context.addIssue({ code: 'custom', path: [path], message });
    if (query.mode === 'patients') {
      for (const field of APPOINTMENT_FILTERS) {
        if (query[field] !== undefined)
          problem(field, 'only for a batch of appointments (mode appointments)');
      }
      if (query.sent !== undefined && query.sent !== 'any') {
        problem('sent', 'only for a batch of appointments (mode appointments)');
      }
      return;
    }
    if (query.from === undefined) problem('from', 'is required for a batch of appointments');
    if (query.to === undefined) problem('to', 'is required for a batch of appointments');
    // zod 4 runs this even when a day failed its own check: compare only two real days.
    if (!isDay(query.from) || !isDay(query.to)) return;
    if (query.to < query.from) {
      problem('to', 'must not be before from');
    } else if (Date.parse(query.to) - Date.parse(query.from) > 366 * DAY_MS) {
      problem('to', 'a batch covers at most a year of appointments');
    }
  });
export type BatchQuery = z.output<typeof batchQuerySchema>;

/** `POST /api/batch-sends`: the query, the rows taken out by hand, the message, when. */
export const batchSendSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  query: batchQuerySchema,
  /** Rows of the preview taken out by hand (their ids). */
  removed: z.array(z.string().min(1).max(200)).max(20_000).default([]),
  onePerPhone: z.boolean().default(false),
  template: sendTemplateSchema,
  language: z.string().min(2).max(10).optional(),
  sendAt: instant.optional(),
});
export type BatchSend = z.output<typeof batchSendSchema>;

/**
 * One recipient of the preview: an appointment and its patient (its id is the appointment's), or a patient alone
 * in a batch of every patient (its id is the patient's); `problem` says why it cannot be sent.
 */
export const batchRowSchema = z.object({
  id: z.string(),
  appointmentId: z.string().nullable(),
  start: instantSchema.nullable(),
  patient: z.object({ id: z.string(), name: z.string() }).nullable(),
  language: z.string().nullable(),
  address: z.string().nullable(),
  serviceId: z.string().nullable(),
  resourceId: z.string().nullable(),
  alreadySent: z.boolean(),
  problem: z.string().nullable(),
});
export type BatchRow = z.infer<typeof batchRowSchema>;

/** `POST /api/batch-sends/preview`: every recipient, and how many can be sent. */
export const batchPreviewSchema = z.object({
  items: z.array(batchRowSchema),
  total: z.number().int().min(0),
  sendable: z.number().int().min(0),
});
export type BatchPreview = z.infer<typeof batchPreviewSchema>;

/** A batch send and its progress (its messages counted by status). */
export const batchSendViewSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  channel: channelSchema,
  query: batchQuerySchema,
  onePerPhone: z.boolean(),
  createdAt: instantSchema,
  createdBy: z.string(),
  recipients: z.number().int().min(0),
  leftOut: z.array(z.object({ id: z.string(), reason: z.string() })),
  progress: z.object({
    total: z.number().int().min(0),
    byStatus: z.partialRecord(deliveryStatusSchema, z.number().int().min(0)),
  }),
});
export type BatchSendView = z.infer<typeof batchSendViewSchema>;

/** What the preview's file holds, said before anyone downloads it (staff confirm it). */
export const BATCH_LIST_PERSONAL_DATA =
  'confirm=personal-data is required: the file contains personal data (patients’ names, phone numbers or e-mail addresses, and their appointments’ times)';

/**
 * `POST /api/batch-sends/preview/export`: the preview's rows as a CSV file before sending, with why a row cannot
 * be sent and which rows were taken out by hand; headers in `lang`.
 */
export const batchListExportSchema = z.object({
  query: batchQuerySchema,
  removed: z.array(z.string().min(1).max(200)).max(20_000).default([]),
  lang: z.enum(['en', 'fr'], { error: 'must be en or fr' }).default('en'),
  confirm: z.literal('personal-data', { error: BATCH_LIST_PERSONAL_DATA }),
});
export type BatchListExport = z.output<typeof batchListExportSchema>;
