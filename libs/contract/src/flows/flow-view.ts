import { flowSchema, type RulesProblem, type TimelineEntry } from '@clinicflow/rules';
import { z } from 'zod';
import { instantSchema } from '../dates/dates';

/** A problem of a saved draft, as the rules library words it (`code` and `params` let a screen reword it). */
export const flowProblemSchema = z.custom<RulesProblem>(
  (value) => typeof value === 'object' && value !== null && 'message' in value,
);
export type FlowProblem = RulesProblem;

const flowState = {
  id: z.string(),
  /** Bumped by every change of the draft; a save names the revision it started from. */
  revision: z.number().int().min(1),
  valid: z.boolean(),
  enabled: z.boolean(),
  latestVersion: z.number().int().nullable(),
  starterKey: z.string().nullable(),
  createdAt: instantSchema,
  createdBy: z.string(),
  updatedAt: instantSchema,
  updatedBy: z.string(),
};

/** One flow of `GET /api/flows`: its state, its draft's name and how many problems the draft has. */
export const flowSummarySchema = z.object({
  ...flowState,
  name: z.string(),
  description: z.string().nullable(),
  problemCount: z.number().int().min(0),
});
export type FlowSummary = z.infer<typeof flowSummarySchema>;

/** `GET /api/flows/:id` (and every change's answer): the draft with its revision and its problems. */
export const flowViewSchema = z.object({
  ...flowState,
  draft: flowSchema,
  problems: z.array(flowProblemSchema),
});
export type FlowView = z.infer<typeof flowViewSchema>;

/** A published version (`GET /api/flows/:id/versions`, the publish's answer). */
export const flowVersionSchema = z.object({
  flowId: z.string(),
  version: z.number().int().min(1),
  note: z.string(),
  publishedAt: instantSchema,
  publishedBy: z.string(),
});
export type FlowVersion = z.infer<typeof flowVersionSchema>;

/** `GET /api/flows/:id/diff`: what changed between two versions, by node and edge id. */
export const flowDiffSchema = z.object({
  from: z.union([z.literal('draft'), z.number().int()]),
  to: z.union([z.literal('draft'), z.number().int()]),
  nodes: z.object({
    added: z.array(z.string()),
    removed: z.array(z.string()),
    changed: z.array(z.object({ id: z.string(), fields: z.array(z.string()) })),
  }),
  edges: z.object({ added: z.array(z.string()), removed: z.array(z.string()), changed: z.array(z.string()) }),
  /** Flow-level fields that differ: name, description, settings. */
  flow: z.array(z.string()),
});
export type FlowDiff = z.infer<typeof flowDiffSchema>;

/** One starter flow of the gallery (`GET /api/flows/starters`). */
export const starterSummarySchema = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  features: z.array(z.string()),
  flow: flowSchema,
});
export type StarterSummary = z.infer<typeof starterSummarySchema>;

/** A problem of a simulated flow (api.md): the step, the field, what is wrong. */
export const simulationProblemSchema = z.object({
  nodeId: z.string().nullable(),
  path: z.string(),
  message: z.string(),
});

/** The simulation's answer (api.md): valid or not, the problems, the timeline. */
export const simulationAnswerSchema = z.object({
  valid: z.boolean(),
  errors: z.array(simulationProblemSchema),
  timeline: z.array(z.custom<TimelineEntry>()),
});
export type SimulationAnswer = z.infer<typeof simulationAnswerSchema>;
