import { z } from 'zod';
import { daySchema, instantSchema } from '../dates/dates';

/** `GET /api/flows/:id/activity`: one clinic day (today by default). */
export const flowActivityQuerySchema = z.object({ day: daySchema.optional() });
export type FlowActivityQuery = z.output<typeof flowActivityQuerySchema>;

/** What one step of a flow did on one clinic day. */
export const stepActivitySchema = z.object({
  entered: z.number().int().min(0),
  waiting: z.number().int().min(0),
  sent: z.number().int().min(0),
  skipped: z.number().int().min(0),
  failed: z.number().int().min(0),
});
export type StepActivity = z.infer<typeof stepActivitySchema>;

/** One outcome of the feed: a delivery's status or a run's state, newest first. */
export const activityOutcomeSchema = z.object({
  at: instantSchema,
  nodeId: z.string().nullable(),
  deliveryId: z.string().optional(),
  runId: z.string().optional(),
  /** A delivery's status, or a run's state (`waiting`, `ended`…). */
  status: z.string(),
  recipientName: z.string().optional(),
  /** The initials of the run's patient ("L. M."): the feed tells outcomes apart without spelling out names. */
  patientInitials: z.string().optional(),
  reason: z.string().optional(),
});
export type ActivityOutcome = z.infer<typeof activityOutcomeSchema>;

/** The live overlay's data: each step's counts of the day and the latest outcomes. */
export const flowActivitySchema = z.object({
  day: daySchema,
  /** The clinic's time zone: the day's bounds, and how the editor writes the outcomes' times. */
  timeZone: z.string(),
  nodes: z.record(z.string(), stepActivitySchema),
  latest: z.array(activityOutcomeSchema),
});
export type FlowActivity = z.infer<typeof flowActivitySchema>;
