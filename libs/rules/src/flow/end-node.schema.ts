import { z } from 'zod';
import { nodeDataBase, nodePositionSchema } from './flow-parts.schema';

/** Ends the run explicitly. */
export const endNodeSchema = z.object({
  id: z.string().min(1),
  type: z.literal('end'),
  position: nodePositionSchema,
  data: z.object({ ...nodeDataBase }).optional(),
});
export type EndNode = z.infer<typeof endNodeSchema>;
