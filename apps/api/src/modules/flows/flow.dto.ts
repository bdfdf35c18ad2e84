import { z } from 'zod';
import { bookingConfirmationFlow } from '@clinicflow/rules';

/** The flow documents and requests are the shared contract's (libs/contract); re-exported for the API's files. */
export {
  flowDocumentSchema,
  createFlowSchema,
  saveDraftSchema,
  publishSchema,
  restoreSchema,
  diffQuerySchema,
  simulateSchema,
  simulateSavedSchema,
  type FlowDocument,
  type SaveDraft,
  type DiffQuery,
  type SimulateRequest,
  type SimulateSavedRequest,
} from '@clinicflow/contract';

export const versionParamSchema = z.coerce.number().int().min(1);

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
