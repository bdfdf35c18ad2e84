import { z } from 'zod';
import { channelSchema } from '../channels/channel';
import { instantSchema } from '../dates/dates';
import { pageFields, pageOf } from '../paging/page';
import { reasonSchema } from '../reasons/reason';
import { RUN_STATUSES } from '../staff-actions/manual-run';

/**
 * `GET /api/runs`: the runs of a patient, of an appointment or of a flow (the run explorer), newest first. One of
 * `patientId`, `appointmentId` or `flowId` is needed (a clinic has too many runs to list them all).
 */
export const runListQuerySchema = z.object({
  patientId: z.string().trim().min(1).max(200).optional(),
  appointmentId: z.string().trim().min(1).max(200).optional(),
  flowId: z.string().trim().min(1).max(200).optional(),
  ...pageFields(20),
});
export type RunListQuery = z.output<typeof runListQuerySchema>;

/** One decision of a run (a step it went through), its reason as a sentence and as a code. */
export const runStepViewSchema = z.object({
  at: instantSchema,
  nodeId: z.string(),
  kind: z.string(),
  outcome: z.string(),
  exit: z.string().nullable(),
  reason: z.string().nullable(),
  why: reasonSchema.nullable(),
  /** A message the step planned: its channel and when it goes. */
  message: z.object({ channel: channelSchema, sendAt: instantSchema }).nullable(),
});
export type RunStepView = z.infer<typeof runStepViewSchema>;

/** A run as the explorer lists it. */
export const runSummarySchema = z.object({
  id: z.string(),
  flowId: z.string(),
  flowName: z.string().nullable(),
  flowVersion: z.number().int(),
  eventType: z.string(),
  eventAt: instantSchema,
  status: z.enum(RUN_STATUSES),
  nodeId: z.string().nullable(),
  appointmentId: z.string().nullable(),
  /** When the run's appointment starts (null without one, or when it is no longer in the book). */
  appointmentStart: instantSchema.nullable(),
  patientId: z.string().nullable(),
  endedReason: z.string().nullable(),
  endedWhy: reasonSchema.nullable(),
  /** The step a run ended by an engine error may be retried from (`POST /api/runs/:id/retry`); null otherwise. */
  retryFrom: z.string().nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export const runPageSchema = pageOf(runSummarySchema);
export type RunPage = z.infer<typeof runPageSchema>;

/** `GET /api/runs/:id` and the retry's answer: the run with every decision, and its patient's name. */
export const runDetailSchema = runSummarySchema.extend({
  patientName: z.string().nullable(),
  steps: z.array(runStepViewSchema),
});
export type RunDetail = z.infer<typeof runDetailSchema>;
