import { z } from 'zod';
import { instantSchema } from '../dates/dates';
import { deliveryStatusSchema } from '../deliveries/delivery-status';

/** `delivery.updated` of api.md's `/live` namespace: ids and states only; details come from REST. */
export const deliveryUpdatedSchema = z.object({
  id: z.string(),
  status: deliveryStatusSchema,
  flowId: z.string().nullable(),
  nodeId: z.string().nullable(),
  at: instantSchema,
});
export type DeliveryUpdated = z.infer<typeof deliveryUpdatedSchema>;

/** `run.updated` of api.md: a run's state (`waiting`, `awaiting-reply`, `ended`…). */
export const runUpdatedSchema = z.object({
  id: z.string(),
  flowId: z.string(),
  nodeId: z.string().nullable(),
  status: z.string(),
  at: instantSchema,
});
export type RunUpdated = z.infer<typeof runUpdatedSchema>;

/** The events the `/live` namespace emits, by name. */
export const liveEventSchemas = {
  'delivery.updated': deliveryUpdatedSchema,
  'run.updated': runUpdatedSchema,
} as const;
export type LiveEventType = keyof typeof liveEventSchemas;
export const LIVE_EVENT_TYPES = Object.keys(liveEventSchemas) as LiveEventType[];
