import { z } from 'zod';
import { absenceDaysSchema } from '../pms-events/pms-event';

/**
 * Chosen by the caller once per action (a UUID): the same id again does nothing more, so a click sent twice or a
 * retried request tells the patients once.
 */
export const requestIdSchema = z.string().trim().min(8).max(100);

/** `POST /api/resources/:id/delays` (F9): the practitioner is running late by `minutes`, today. */
export const resourceDelaySchema = z.object({
  requestId: requestIdSchema,
  minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
});
export type ResourceDelay = z.output<typeof resourceDelaySchema>;

/** `POST /api/resources/:id/absences` (F9): the practitioner is absent on these clinic days (both included). */
export const resourceAbsenceSchema = z.object({
  requestId: requestIdSchema,
  absence: absenceDaysSchema,
});
export type ResourceAbsence = z.output<typeof resourceAbsenceSchema>;

/**
 * What a delay or an absence started: the flows that start on it (enabled, published) and the appointments
 * still to come in its period whose patients those flows now tell. A repeated request id answers
 * `duplicate: true` and `appointments: null` (the first answer said it).
 */
export const resourceAlertAnswerSchema = z.object({
  accepted: z.literal(true),
  duplicate: z.boolean(),
  flows: z.number().int().min(0),
  appointments: z.number().int().min(0).nullable(),
});
export type ResourceAlertAnswer = z.infer<typeof resourceAlertAnswerSchema>;
