import { z } from 'zod';
import { flowNodeSchemaOf, localTimeSchema, nodeDataBase, triggerEventSchema } from './flow-parts.schema';

/** Which events start the flow, and for which bookings. */
export const triggerDataSchema = z.object({
  ...nodeDataBase,
  events: z.array(triggerEventSchema).min(1),
  filters: z
    .object({
      sources: z.array(z.enum(['online', 'staff'])).optional(),
      serviceIds: z.array(z.string()).optional(),
      resourceIds: z.array(z.string()).optional(),
      locationIds: z.array(z.string()).optional(),
    })
    .optional(),
  /** With the `schedule.daily` event: the clinic-local time of day it fires, "HH:mm". */
  dailyAt: localTimeSchema.optional(),
});
export type TriggerData = z.infer<typeof triggerDataSchema>;

/** The one start of a flow. */
export const triggerNodeSchema = flowNodeSchemaOf('trigger', triggerDataSchema);
export type TriggerNode = z.infer<typeof triggerNodeSchema>;
