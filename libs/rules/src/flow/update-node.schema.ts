import { z } from 'zod';
import { flowNodeSchemaOf, nodeDataBase } from './flow-parts.schema';

/** Sets the appointment's confirmation status (after a confirming or declining reply, F4). */
export const updateNodeSchema = flowNodeSchemaOf(
  'update',
  z.object({ ...nodeDataBase, confirmation: z.enum(['confirmed', 'declined', 'pending']) }),
);
export type UpdateNode = z.infer<typeof updateNodeSchema>;
