import { z } from 'zod';
import { bookingConfirmationFlow } from '@clinicflow/rules';

const position = z.object({ x: z.number(), y: z.number() });

/**
 * The flow document the editor saves (React Flow nodes and edges, name, description, settings). Only its
 * shape is enforced here; what the flow means is checked by the rules library and answered as problems, so
 * an unfinished draft can always be saved. Editor-only fields of nodes and edges are kept as they are.
 */
export const flowDocumentSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  nodes: z
    .array(
      z.looseObject({
        id: z.string().min(1).max(100),
        type: z.string().min(1).max(50),
        position,
        data: z.record(z.string(), z.unknown()).default({}),
      }),
    )
    .max(500),
  edges: z
    .array(
      z.looseObject({
        id: z.string().min(1).max(200),
        source: z.string().min(1).max(100),
        target: z.string().min(1).max(100),
        sourceHandle: z.string().max(100).nullable().optional(),
      }),
    )
    .max(2000),
});
export type FlowDocument = z.infer<typeof flowDocumentSchema>;

export const createFlowSchema = flowDocumentSchema.extend({
  nodes: flowDocumentSchema.shape.nodes.default([]),
  edges: flowDocumentSchema.shape.edges.default([]),
});

/** A draft save: the revision the editor started from (optimistic concurrency) and the document. */
export const saveDraftSchema = z.object({
  revision: z.number().int().min(1),
  flow: flowDocumentSchema,
});
export type SaveDraft = z.infer<typeof saveDraftSchema>;

export const publishSchema = z.object({ note: z.string().trim().max(500).default('') });
export const restoreSchema = z.object({ revision: z.number().int().min(1).optional() });

const versionRef = z.union([z.literal('draft'), z.coerce.number().int().min(1)]);
export const diffQuerySchema = z.object({ from: versionRef, to: versionRef.default('draft') });
export type DiffQuery = z.infer<typeof diffQuerySchema>;

export const versionParamSchema = z.coerce.number().int().min(1);

const instant = z.iso.datetime({ offset: true });
const simulationFields = {
  context: z.record(z.string(), z.unknown()).optional(),
  event: z.object({ type: z.string().min(1), at: instant, minutes: z.number().int().optional() }),
  replies: z
    .array(z.object({ at: instant, text: z.string().max(1600) }))
    .max(100)
    .optional(),
  changes: z.array(z.record(z.string(), z.unknown())).max(100).optional(),
  until: instant.optional(),
};

/** `POST /api/flows/simulate` (api.md): a flow document, with context parts filled from the clinic. */
export const simulateSchema = z.object({ flow: z.unknown(), ...simulationFields });
export type SimulateRequest = z.infer<typeof simulateSchema>;

/** `POST /api/flows/:id/simulate`: the saved draft (default) or a published version. */
export const simulateSavedSchema = z.object({ version: versionRef.default('draft'), ...simulationFields });
export type SimulateSavedRequest = z.infer<typeof simulateSavedSchema>;

export const flowExample = {
  name: bookingConfirmationFlow.name,
  description: bookingConfirmationFlow.description,
  nodes: bookingConfirmationFlow.nodes,
  edges: bookingConfirmationFlow.edges,
};

export const simulateExample = {
  flow: flowExample,
  context: { patient: { firstName: 'Léa' } },
  event: { type: 'appointment.booked', at: '2026-03-20T10:00:00Z' },
  replies: [{ at: '2026-03-28T17:05:00Z', text: 'C' }],
  until: '2026-10-01T00:00:00Z',
};

export const timelineExample = {
  valid: true,
  errors: [],
  timeline: [
    {
      at: '2026-03-28T09:00:00Z',
      local: '2026-03-28T10:00:00+01:00',
      nodeId: 'sms24',
      kind: 'send',
      channel: 'sms',
      recipient: 'patient',
      status: 'planned',
      text: 'Bonjour Léa, …',
      reason: null,
    },
  ],
};
