import { z } from 'zod';
import {
  flowNodeSchemaOf,
  localTimeSchema,
  nodeDataBase,
  quietHoursPolicySchema,
  timeUnitSchema,
} from './flow-parts.schema';

/** What a wait counts from. `previous-step` is the moment the run reached the wait. */
export const waitAnchorSchema = z.enum([
  'appointment-start',
  'appointment-end',
  'event',
  'last-visit',
  'previous-step',
]);
export type WaitAnchor = z.infer<typeof waitAnchorSchema>;

/** "2 days before the appointment start at 18:00", "3 hours after the appointment end", "6 months after the last visit". */
export const waitDataSchema = z.object({
  ...nodeDataBase,
  relativeTo: waitAnchorSchema,
  direction: z.enum(['before', 'after']),
  amount: z.number().int().min(0).max(100_000),
  unit: timeUnitSchema,
  atLocalTime: localTimeSchema.optional(),
  useServiceRecallInterval: z.boolean().optional(),
  quietHours: quietHoursPolicySchema.optional(),
  ifPassed: z.enum(['skip', 'continue']).optional(),
});
export type WaitData = z.infer<typeof waitDataSchema>;

/** Pauses the run until a moment; the steps after it are checked again when it ends. */
export const waitNodeSchema = flowNodeSchemaOf('wait', waitDataSchema);
export type WaitNode = z.infer<typeof waitNodeSchema>;
