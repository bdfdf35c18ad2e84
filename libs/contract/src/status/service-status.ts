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

/**
 * An event the engine could not process within its attempts (about two hours), set aside until a manager
 * processes it again (`POST /api/events/{id}/process-again`): its PMS id and type, when it came, its attempts
 * and the last error's class and code (never its words, which may quote the event).
 */
export const setAsideEventSchema = z.object({
  id: z.string().nullable(),
  type: z.string().nullable(),
  receivedAt: instantSchema,
  attempts: z.number().int().min(0),
  lastError: z.string().nullable(),
  setAsideAt: instantSchema,
});
export type SetAsideEvent = z.infer<typeof setAsideEventSchema>;

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
  /** Events set aside: how many, and the oldest (at most 20). */
  eventsSetAside: z.object({ count: z.number().int().min(0), items: z.array(setAsideEventSchema) }),
});
export type ServiceStatus = z.infer<typeof serviceStatusSchema>;
