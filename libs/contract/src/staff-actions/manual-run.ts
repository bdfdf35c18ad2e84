import { z } from 'zod';
import { requestIdSchema } from './resource-alert';

/** At most this many patients per manual run (each is started at once, in the request). */
export const MAX_MANUAL_RUN_PATIENTS = 100;

/** `POST /api/flows/:id/manual-runs` (B1): runs a flow whose trigger is "manual" for the chosen patients. */
export const manualRunRequestSchema = z.object({
  requestId: requestIdSchema,
  patientIds: z
    .array(z.string().trim().min(1).max(200))
    .min(1)
    .max(MAX_MANUAL_RUN_PATIENTS)
    .refine((ids) => new Set(ids).size === ids.length, 'names a patient twice'),
});
export type ManualRunRequest = z.output<typeof manualRunRequestSchema>;

/** A run's state as the editor shows it; `null` when no run started (the patient's data did not allow it). */
export const RUN_STATUSES = ['starting', 'waiting', 'awaiting-reply', 'ended', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** What a manual run started, patient by patient, with the published version it ran. */
export const manualRunAnswerSchema = z.object({
  flowId: z.string(),
  version: z.number().int().min(1),
  runs: z.array(
    z.object({
      patientId: z.string(),
      runId: z.string().nullable(),
      status: z.enum(RUN_STATUSES).nullable(),
      /** This request id had already started this patient's run. */
      duplicate: z.boolean(),
    }),
  ),
});
export type ManualRunAnswer = z.infer<typeof manualRunAnswerSchema>;
