import { z } from 'zod';
import { nodeDataBase, nodePositionSchema } from './flow-parts.schema';

/** POSTs the run's context to a URL (PMS integration). */
export const webhookNodeSchema = z.object({
  id: z.string().min(1),
  type: z.literal('webhook'),
  position: nodePositionSchema,
  data: z.object({ ...nodeDataBase, url: z.url({ protocol: /^https?$/ }) }),
});
export type WebhookNode = z.infer<typeof webhookNodeSchema>;
