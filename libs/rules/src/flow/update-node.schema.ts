import { z } from 'zod';
import { nodeDataBase, nodePositionSchema } from './flow-parts.schema';

/** Sets the appointment's confirmation status (after a confirming or declining reply, F4). */
export const updateNodeSchema = z.object({
  id: z.string().min(1),
  type: z.literal('update'),
  position: nodePositionSchema,
  data: z.object({ ...nodeDataBase, confirmation: z.enum(['confirmed', 'declined', 'pending']) }),
});
export type UpdateNode = z.infer<typeof updateNodeSchema>;
