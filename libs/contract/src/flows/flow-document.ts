import { simulatedReceiptSchema } from '@clinicflow/rules';
import { z } from 'zod';
import { refuseUnstorableKeys } from './stored-keys';

const position = z.object({ x: z.number(), y: z.number() });

/**
 * The flow document the editor saves (React Flow nodes and edges, name, description, settings). Only its shape
 * is enforced here; what the flow means is checked by the rules library (`flowSchema`, `validateFlow`) and
 * answered as problems, so an unfinished draft can always be saved. Editor-only fields of nodes and edges are
 * kept as they are.
 */
export const flowDocumentSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).optional(),
  settings: z.record(z.string(), z.unknown()).superRefine(refuseUnstorableKeys).optional(),
  nodes: z
    .array(
      z
        .looseObject({
          id: z.string().min(1).max(100),
          type: z.string().min(1).max(50),
          position,
          data: z.record(z.string(), z.unknown()).default({}),
        })
        .superRefine(refuseUnstorableKeys),
    )
    .max(500),
  edges: z
    .array(
      z
        .looseObject({
          id: z.string().min(1).max(200),
          source: z.string().min(1).max(100),
          target: z.string().min(1).max(100),
          sourceHandle: z.string().max(100).nullable().optional(),
        })
        .superRefine(refuseUnstorableKeys),
    )
    .max(2000),
});
export type FlowDocument = z.output<typeof flowDocumentSchema>;

/** `POST /api/flows`: a new flow (no steps yet is fine). */
export const createFlowSchema = flowDocumentSchema.extend({
  nodes: flowDocumentSchema.shape.nodes.default([]),
  edges: flowDocumentSchema.shape.edges.default([]),
});

/** `PUT /api/flows/:id`: the revision the editor started from (optimistic concurrency) and the document. */
export const saveDraftSchema = z.object({
  revision: z.number().int().min(1),
  flow: flowDocumentSchema,
  /**
   * The editor page that saves (one per page load): a 409 says whether the newer revision came from the same
   * user on the same page, which is not someone else's change (a save whose answer was lost, say).
   */
  editorSession: z.string().min(1).max(100).optional(),
});
export type SaveDraft = z.output<typeof saveDraftSchema>;

/** `POST /api/flows/:id/publish`: a note for the version. */
export const publishSchema = z.object({ note: z.string().trim().max(500).default('') });

/** `POST /api/flows/:id/versions/:version/restore`: the draft's revision, when the editor has one open. */
export const restoreSchema = z.object({ revision: z.number().int().min(1).optional() });

/** A version of a flow: `draft`, or a published version's number. */
export const versionRefSchema = z.union([z.literal('draft'), z.coerce.number().int().min(1)]);

/** `GET /api/flows/:id/diff`: between two versions (the draft by default for `to`). */
export const diffQuerySchema = z.object({ from: versionRefSchema, to: versionRefSchema.default('draft') });
export type DiffQuery = z.output<typeof diffQuerySchema>;

const instant = z.iso.datetime({ offset: true });
const simulationFields = {
  context: z.record(z.string(), z.unknown()).optional(),
  event: z.object({ type: z.string().min(1), at: instant, minutes: z.number().int().optional() }),
  replies: z
    .array(z.object({ at: instant, text: z.string().max(1600) }))
    .max(100)
    .optional(),
  changes: z.array(z.record(z.string(), z.unknown())).max(100).optional(),
  // what became of a ladder's message ("Reach the patient"): delivered, read or failed at a time
  receipts: z.array(simulatedReceiptSchema).max(100).optional(),
  until: instant.optional(),
};

/** `POST /api/flows/simulate` (api.md): a flow document, with context parts filled from the clinic. */
export const simulateSchema = z.object({ flow: z.unknown(), ...simulationFields });
export type SimulateRequest = z.output<typeof simulateSchema>;

/** `POST /api/flows/:id/simulate`: the saved draft (default) or a published version. */
export const simulateSavedSchema = z.object({
  version: versionRefSchema.default('draft'),
  ...simulationFields,
});
export type SimulateSavedRequest = z.output<typeof simulateSavedSchema>;
