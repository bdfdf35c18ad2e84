import { z } from 'zod';
import { flowNodeSchemaOf, nodeDataBase } from './flow-parts.schema';

/** POSTs the run's context to a URL (PMS integration). */
export const webhookNodeSchema = flowNodeSchemaOf(
  'webhook',
  z.object({ ...nodeDataBase, url: z.url({ protocol: /^https?$/ }) }),
);
export type WebhookNode = z.infer<typeof webhookNodeSchema>;
