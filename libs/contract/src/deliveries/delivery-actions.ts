import { z } from 'zod';

/** `sentBy` of the messages nobody sent by hand: a flow's, a notice's (S3). */
export const SENT_BY_ENGINE = 'engine';

/** Who may appear in the report's "sent by" column: the engine, or one of the clinic's users (S3). */
export const sentByOptionSchema = z.object({
  /** The value of the report's `sentBy` filter: `engine`, or the user's e-mail. */
  sentBy: z.string(),
  /** The user's name; null for the engine (the flows' messages and notices). */
  name: z.string().nullable(),
});
export type SentByOption = z.infer<typeof sentByOptionSchema>;

/** `GET /api/deliveries/sent-by`: the choices of the report's "sent by" filter, the engine first. */
export const sentByOptionsSchema = z.object({ items: z.array(sentByOptionSchema) });
export type SentByOptions = z.infer<typeof sentByOptionsSchema>;

/**
 * `GET /api/deliveries/credits-retries`: the messages still failed for want of SMS credits (S7), and those sent
 * again after a top-up that the engine has yet to send (it sends them at its pace).
 */
export const creditsRetryProgressSchema = z.object({
  failed: z.number().int().min(0),
  left: z.number().int().min(0),
});
export type CreditsRetryProgress = z.infer<typeof creditsRetryProgressSchema>;

/**
 * `POST /api/deliveries/credits-retries`: how many failed messages were sent again, how many wait for a balance
 * that is still empty (credits kept per practitioner), and the progress as it is right after.
 */
export const creditsRetrySchema = creditsRetryProgressSchema.extend({
  retried: z.number().int().min(0),
  unpaid: z.number().int().min(0),
});
export type CreditsRetry = z.infer<typeof creditsRetrySchema>;
