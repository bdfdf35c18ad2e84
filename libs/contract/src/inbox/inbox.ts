import { z } from 'zod';
import { channelSchema } from '../channels/channel';
import { instantSchema } from '../dates/dates';
import { pageFields, pageOf } from '../paging/page';

const flag = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true');

/** `GET /api/inbox`: read or not, flagged or not, everything or only what the engine did not understand. */
export const inboxQuerySchema = z.object({
  read: flag.optional(),
  followUp: flag.optional(),
  /** Only what the engine did not understand (the default), or every reply (confirmations and STOP too). */
  all: flag.optional(),
  ...pageFields(20),
});
export type InboxQuery = z.output<typeof inboxQuerySchema>;

/** `PATCH /api/inbox/:id`: mark a reply read or unread, flag it for follow-up or not. */
export const inboxChangeSchema = z
  .object({ read: z.boolean().optional(), followUp: z.boolean().optional() })
  .refine((change) => change.read !== undefined || change.followUp !== undefined, {
    message: 'give read, followUp or both',
  });
export type InboxChange = z.output<typeof inboxChangeSchema>;

/** One received reply, with the question it answers and what the engine did with it (S6). */
export const inboxItemSchema = z.object({
  id: z.string(),
  receivedAt: instantSchema,
  channel: channelSchema,
  from: z.string(),
  text: z.string(),
  patient: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  deliveryId: z.string().nullable(),
  questionText: z.string().nullable(),
  appointmentId: z.string().nullable(),
  appointment: z.object({ id: z.string(), start: instantSchema.nullable() }).nullable(),
  /** What the engine read in it: `confirmed`, `declined`, `stop`, or `unknown` (waiting in the inbox). */
  meaning: z.string(),
  /** What was done with it, in the front desk's words. */
  outcome: z.string(),
  read: z.boolean(),
  readAt: instantSchema.nullable(),
  readBy: z.string().nullable(),
  followUp: z.boolean(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

/** `GET /api/inbox`: one page of replies, newest first, and how many are unread (for the navigation). */
export const inboxPageSchema = pageOf(inboxItemSchema).extend({ unread: z.number().int().min(0) });
export type InboxPage = z.infer<typeof inboxPageSchema>;
