import { z } from 'zod';
import { flowNodeSchemaOf, nodeDataBase } from './flow-parts.schema';

/** Ends the run explicitly. */
export const endNodeSchema = flowNodeSchemaOf('end', z.object({ ...nodeDataBase }).optional());
export type EndNode = z.infer<typeof endNodeSchema>;
