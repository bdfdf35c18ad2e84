import { z } from 'zod';
import {
  channelSchema,
  durationSchema,
  flowNodeSchemaOf,
  messageTemplateSchema,
  nodeDataBase,
  recipientSchema,
  senderSchema,
} from './flow-parts.schema';

/** What a message is for; reminders obey the lead-time and one-per-day limits and expire at the appointment. */
export const messagePurposeSchema = z.enum([
  'reminder',
  'confirmation',
  'notice',
  'thank-you',
  'recall',
  'alert',
  'staff',
]);
export type MessagePurpose = z.infer<typeof messagePurposeSchema>;

/** The data of a message step. */
export const sendDataSchema = z.object({
  ...nodeDataBase,
  channel: channelSchema,
  recipient: recipientSchema,
  template: messageTemplateSchema,
  sender: senderSchema.optional(),
  purpose: messagePurposeSchema.optional(),
  expiresAfter: durationSchema.optional(),
});
export type SendData = z.infer<typeof sendDataSchema>;

/** Sends one message on one channel to one recipient. */
export const sendNodeSchema = flowNodeSchemaOf('send', sendDataSchema);
export type SendNode = z.infer<typeof sendNodeSchema>;
