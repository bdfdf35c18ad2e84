import { z } from 'zod';
import { channelSchema } from '../channels/channel';
import { pageOf } from '../paging/page';
import { deliveryRowSchema } from './delivery';
import { deliveryStatusSchema } from './delivery-status';

/** Counts by status and by channel; a status or channel with none is left out. */
export const deliveryCountsSchema = z.object({
  byStatus: z.partialRecord(deliveryStatusSchema, z.number().int().min(0)),
  byChannel: z.partialRecord(channelSchema, z.number().int().min(0)),
});
export type DeliveryCounts = z.infer<typeof deliveryCountsSchema>;

/** `GET /api/deliveries`: one page of rows, and the totals by status and channel over the whole filter. */
export const deliveryPageSchema = pageOf(deliveryRowSchema).extend({ totals: deliveryCountsSchema });
export type DeliveryPage = z.infer<typeof deliveryPageSchema>;
