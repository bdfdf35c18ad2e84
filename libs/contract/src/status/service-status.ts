import { z } from 'zod';
import { perChannel } from '../channels/channel';
import { instantSchema } from '../dates/dates';
import { CONSENT_MODES } from '../settings/settings';

/** One channel's state (S8): on or off, its provider, its last message and last error, what waits. */
export const channelStatusSchema = z.object({
  enabled: z.boolean(),
  provider: z.string().nullable(),
  lastSentAt: instantSchema.nullable(),
  lastError: z
    .object({ at: instantSchema, deliveryId: z.string(), code: z.string(), reason: z.string() })
    .nullable(),
  waiting: z.number().int().min(0),
  sentToday: z.number().int().min(0),
});
export type ChannelStatus = z.infer<typeof channelStatusSchema>;

/**
 * Consent at a glance (T3): the clinic's mode and, in opt-in mode (where a patient without consent gets
 * nothing), how many patients it has and how many of them have no consent on each channel; null elsewhere.
 */
export const consentStatusSchema = z.object({
  mode: z.enum(CONSENT_MODES),
  patients: z.number().int().min(0).nullable(),
  withoutConsent: perChannel(z.number().int().min(0)).nullable(),
});
export type ConsentStatus = z.infer<typeof consentStatusSchema>;

/** `GET /api/status` (S8): is the clinic's messaging working, per channel, and is the dispatcher keeping up. */
export const serviceStatusSchema = z.object({
  at: instantSchema,
  communicationsEnabled: z.boolean(),
  testMode: z.boolean(),
  waiting: z.number().int().min(0),
  sentToday: z.number().int().min(0),
  oldestDueAt: instantSchema.nullable(),
  dispatcherLagSeconds: z.number().min(0),
  channels: perChannel(channelStatusSchema),
  consent: consentStatusSchema,
});
export type ServiceStatus = z.infer<typeof serviceStatusSchema>;
