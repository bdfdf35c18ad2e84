import { z } from 'zod';
import { quietHoursPolicySchema } from './flow-parts.schema';
import { flowEdgeSchema } from './flow-edge.schema';
import { flowNodeSchema } from './flow-node.schema';

/** Flow-wide settings. */
export const flowSettingsSchema = z.object({
  defaultLanguage: z.string().min(2).max(10).optional(),
  quietHours: quietHoursPolicySchema.optional(),
});
export type FlowSettings = z.infer<typeof flowSettingsSchema>;

/** The flow document the editor saves: React Flow nodes and edges plus name, description and settings. */
export const flowSchema = z.object({
  id: z.string().optional(),
  name: z.string().min(1).max(200),
  description: z.string().optional(),
  settings: flowSettingsSchema.optional(),
  nodes: z.array(flowNodeSchema).max(500),
  edges: z.array(flowEdgeSchema).max(2000),
});
export type Flow = z.infer<typeof flowSchema>;
