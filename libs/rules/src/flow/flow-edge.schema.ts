import { z } from 'zod';

/** A React Flow edge; `sourceHandle` names the exit it leaves from (`yes`, `no`, `confirmed`, …). */
export const flowEdgeSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  target: z.string().min(1),
  sourceHandle: z.string().nullish(),
  targetHandle: z.string().nullish(),
  label: z.string().optional(),
});
export type FlowEdge = z.infer<typeof flowEdgeSchema>;
