import { z } from 'zod';
import { channelSchema } from '../channels/channel';
import { instantSchema } from '../dates/dates';
import { deliveryStatusSchema } from '../deliveries/delivery-status';
import { appointmentStatusSchema } from '../pms-events/pms-event';
import { sendTemplateSchema } from '../sends/one-off-send';

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 instant with its offset' });
const day = z.iso.date({ error: 'must be a day yyyy-MM-dd' });
const DAY_MS = 86_400_000;
const isDay = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Whether a message on the batch's channel already went out for the appointment. */
export const ALREADY_SENT_FILTERS = ['any', 'sent', 'not-sent'] as const;

/** F11: the recipients of a batch, as appointments in a range of clinic-local days. */
export const batchQuerySchema = z
  .object({
    from: day,
    to: day,
    channel: channelSchema.default('sms'),
    resourceId: z.string().min(1).max(200).optional(),
    serviceId: z.string().min(1).max(200).optional(),
    /** The patient's insurer, as the practice-management system names it on the patient. */
    insurer: z.string().trim().min(1).max(200).optional(),
    appointmentStatuses: z.array(appointmentStatusSchema).min(1).default(['booked', 'confirmed']),
    sent: z.enum(ALREADY_SENT_FILTERS).default('any'),
  })
  .superRefine((query, context) => {
    // zod 4 runs this even when a day failed its own check: compare only two real days.
    if (!isDay(query.from) || !isDay(query.to)) return;
    if (query.to < query.from) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    } else if (Date.parse(query.to) - Date.parse(query.from) > 366 * DAY_MS) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'a batch covers at most a year of appointments',
      });
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

/** One recipient of the preview: an appointment and its patient; `problem` says why it cannot be sent. */
export const batchRowSchema = z.object({
  id: z.string(),
  appointmentId: z.string(),
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
