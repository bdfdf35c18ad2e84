import { messagePurposeSchema, recipientTypeSchema, senderSchema } from '@clinicflow/rules';
import { z } from 'zod';
import { channelSchema } from '../channels/channel';
import { instantSchema } from '../dates/dates';
import { reasonSchema } from '../reasons/reason';
import { deliveryOriginSchema, deliveryStatusSchema } from './delivery-status';

/** Who a delivery went to: the role, and the name and address it was sent to. */
export const deliveryRecipientSchema = z.object({
  type: recipientTypeSchema,
  name: z.string().nullable(),
  address: z.string().nullable(),
});

/** Why a delivery failed, in the provider's or the dispatcher's words. */
export const deliveryErrorSchema = z.object({ code: z.string(), reason: z.string() });

/** One delivery as the report lists it (`GET /api/deliveries`, api.md, with the fields the API adds). */
export const deliveryRowSchema = z.object({
  id: z.string(),
  createdAt: instantSchema,
  sendAt: instantSchema,
  sentAt: instantSchema.nullable(),
  deliveredAt: instantSchema.nullable(),
  /** An e-mail's first opening (its tracking image fetched, C6); null before, and for other channels. */
  openedAt: instantSchema.nullable(),
  /** When the patient read it (a WhatsApp read receipt, status `read`); null before, and for other channels. */
  readAt: instantSchema.nullable(),
  /** How many times its tracking image was fetched (0 before the first). */
  opens: z.number().int().min(0),
  /** How many of those came from a mail privacy proxy that loads images whether or not they are read. */
  proxyOpens: z.number().int().min(0),
  expiresAt: instantSchema.nullable(),
  status: deliveryStatusSchema,
  channel: channelSchema,
  recipient: deliveryRecipientSchema,
  text: z.string().nullable(),
  subject: z.string().nullable(),
  segments: z.number().int().nullable(),
  credits: z.number().nullable(),
  error: deliveryErrorSchema.nullable(),
  /** Why it was skipped or cancelled, in the front desk's words (English; the export's and old data's). */
  reason: z.string().nullable(),
  /** `reason` as a code with its parameters, which the editor words in the user's language. */
  why: reasonSchema.nullable().optional(),
  flowId: z.string().nullable(),
  nodeId: z.string().nullable(),
  appointmentId: z.string().nullable(),
  patientId: z.string().nullable(),
  serviceId: z.string().nullable(),
  resourceId: z.string().nullable(),
  origin: deliveryOriginSchema,
  batchId: z.string().nullable(),
  /** Sent again after a crash to a provider that could not say whether it had accepted it. */
  inDoubt: z.boolean(),
  /** Who sent it (S3): the user's e-mail for a one-off or batch send, `engine` for a flow's message or a notice. */
  sentBy: z.string(),
});
export type DeliveryRow = z.infer<typeof deliveryRowSchema>;

/** One change of status, in order (the drawer's timeline). */
export const deliveryHistoryEntrySchema = z.object({
  status: deliveryStatusSchema,
  at: instantSchema,
  attempt: z.number().int(),
  reason: z.string().nullable(),
  why: reasonSchema.nullable().optional(),
  by: z.string().nullable(),
});
export type DeliveryHistoryEntry = z.infer<typeof deliveryHistoryEntrySchema>;

/** One decision of the run a delivery came from. */
export const deliveryRunStepSchema = z.object({
  at: instantSchema,
  nodeId: z.string(),
  kind: z.string(),
  outcome: z.string(),
  exit: z.string().nullable(),
  reason: z.string().nullable(),
  why: reasonSchema.nullable().optional(),
  /** A message the step planned: its channel and when it goes. */
  message: z.object({ channel: channelSchema, sendAt: instantSchema }).nullable().optional(),
});

/** The run a delivery came from, with its decisions (only `GET /api/deliveries/:id` answers it). */
export const deliveryRunSchema = z.object({
  id: z.string(),
  status: z.string(),
  flowVersion: z.number().int(),
  eventType: z.string(),
  endedReason: z.string().nullable(),
  endedWhy: reasonSchema.nullable().optional(),
  steps: z.array(deliveryRunStepSchema),
});
export type DeliveryRun = z.infer<typeof deliveryRunSchema>;

/** One delivery with everything the detail drawer shows (S4): `GET /api/deliveries/:id`, retry, cancel, send. */
export const deliveryDetailSchema = deliveryRowSchema.extend({
  runId: z.string().nullable(),
  flowVersion: z.number().int().nullable(),
  /** The step's or the send's own sender, when it overrides the clinic's. */
  sender: senderSchema.nullable(),
  /**
   * The sender it went out with (S4), as resolved when it was sent: the step's, the template's or the clinic's
   * (an SMS sender name, a caller number, or `Name <address>`); null before it is sent, or the provider's default.
   */
  from: z.string().nullable(),
  language: z.string(),
  purpose: messagePurposeSchema.nullable(),
  expectsReply: z.boolean(),
  answeredAt: instantSchema.nullable(),
  provider: z.string().nullable(),
  providerMessageId: z.string().nullable(),
  attempt: z.number().int(),
  history: z.array(deliveryHistoryEntrySchema),
  updatedAt: instantSchema,
  run: deliveryRunSchema.nullable().optional(),
});
export type DeliveryDetail = z.infer<typeof deliveryDetailSchema>;
