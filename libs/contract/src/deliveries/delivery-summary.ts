import { z } from 'zod';
import { channelSchema } from '../channels/channel';
import { daySchema } from '../dates/dates';
import { deliveryCountsSchema } from './delivery-page';
import { deliveryStatusSchema } from './delivery-status';

/** The counts of some deliveries: how many, by status, by channel, by both, and the credits they used. */
export const deliveryTallySchema = deliveryCountsSchema.extend({
  total: z.number().int().min(0),
  byStatusAndChannel: z
    .partialRecord(deliveryStatusSchema, z.partialRecord(channelSchema, z.number().int().min(0)))
    .optional(),
  credits: z.number().min(0),
});
export type DeliveryTally = z.infer<typeof deliveryTallySchema>;

/** One clinic-local send day of the summary. */
export const summaryDaySchema = deliveryTallySchema.extend({ day: daySchema });
export type SummaryDay = z.infer<typeof summaryDaySchema>;

/** `GET /api/deliveries/summary`: every day of the range, and the totals over it (the report's chart). */
export const deliverySummarySchema = z.object({
  from: daySchema,
  to: daySchema,
  days: z.array(summaryDaySchema),
  totals: deliveryTallySchema,
});
export type DeliverySummary = z.infer<typeof deliverySummarySchema>;
