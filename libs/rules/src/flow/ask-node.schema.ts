import { z } from 'zod';
import { durationSchema, flowNodeSchemaOf } from './flow-parts.schema';
import { sendDataSchema } from './send-node.schema';

/** Reply words that mean yes / no; the defaults cover French, Spanish, Norwegian and English. */
export const replyKeywordsSchema = z.object({
  confirm: z.array(z.string().min(1)).optional(),
  decline: z.array(z.string().min(1)).optional(),
});
export type ReplyKeywords = z.infer<typeof replyKeywordsSchema>;

/** Sends a question and waits for the reply. Exits: `confirmed`, `declined`, `no-reply`, `failed`. */
export const askNodeSchema = flowNodeSchemaOf(
  'ask',
  sendDataSchema.extend({ timeout: durationSchema, keywords: replyKeywordsSchema.optional() }),
);
export type AskNode = z.infer<typeof askNodeSchema>;
export type AskData = AskNode['data'];
