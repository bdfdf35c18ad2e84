import {
  DELIVERY_OUTCOMES,
  type DeliveryStatus,
  type DeliverySummary,
  type DeliveryTally,
  type FlowDiff,
  type FlowSummary,
  type FlowVersion,
  type FlowView,
  type SimulationAnswer,
  type StarterSummary,
  type simulateSavedSchema,
} from '@clinicflow/contract';
import type { Flow } from '@clinicflow/rules';
import type { z } from 'zod';
import { apiFetch } from '../../../api/apiClient';
import { editorSession } from '../../../api/editorSession';

/** The flows' wire types: the shared contract's (libs/contract). */
export type {
  FlowDiff,
  FlowProblem as SavedProblem,
  FlowSummary,
  FlowVersion,
  FlowView,
  SimulationAnswer,
  StarterSummary,
} from '@clinicflow/contract';

/** What the simulation panel asks: the event, the replies, the context (the saved draft is simulated). */
export type SimulationRequest = Omit<z.input<typeof simulateSavedSchema>, 'version'>;

/** The document as the API stores it: the editor's flow without an id. */
function document(flow: Flow) {
  const { id: _id, ...rest } = flow as Flow & { id?: string };
  return rest;
}

export const flowsApi = {
  list: () => apiFetch<FlowSummary[]>('/flows'),
  get: (id: string) => apiFetch<FlowView>(`/flows/${id}`),
  starters: () => apiFetch<StarterSummary[]>('/flows/starters'),
  create: (flow: Flow) => apiFetch<FlowView>('/flows', { method: 'POST', body: document(flow) }),
  createFromStarter: (key: string) =>
    apiFetch<FlowView>(`/flows/starters/${encodeURIComponent(key)}`, { method: 'POST' }),
  save: (id: string, revision: number, flow: Flow) =>
    apiFetch<FlowView>(`/flows/${id}`, {
      method: 'PUT',
      body: { revision, flow: document(flow), editorSession },
    }),
  setEnabled: (id: string, enabled: boolean) =>
    apiFetch<FlowView>(`/flows/${id}/${enabled ? 'enable' : 'disable'}`, { method: 'POST' }),
  publish: (id: string, note: string) =>
    apiFetch<FlowVersion>(`/flows/${id}/publish`, { method: 'POST', body: { note } }),
  versions: (id: string) => apiFetch<FlowVersion[]>(`/flows/${id}/versions`),
  diff: (id: string, from: number) => apiFetch<FlowDiff>(`/flows/${id}/diff?from=${from}&to=draft`),
  restore: (id: string, version: number, revision: number) =>
    apiFetch<FlowView>(`/flows/${id}/versions/${version}/restore`, { method: 'POST', body: { revision } }),
  /** `GET /api/deliveries/summary` of the flow from a day on (the list's 7-day counts). */
  lastDays: (id: string, from: string) =>
    apiFetch<DeliverySummary>(`/deliveries/summary?flowId=${encodeURIComponent(id)}&from=${from}`),
  simulate: (id: string, request: SimulationRequest) =>
    apiFetch<SimulationAnswer>(`/flows/${id}/simulate`, {
      method: 'POST',
      body: { version: 'draft', ...request } satisfies z.input<typeof simulateSavedSchema>,
    }),
};

/** Whether a diff has any change at all. */
export function diffIsEmpty(diff: FlowDiff): boolean {
  return (
    diff.flow.length === 0 &&
    diff.nodes.added.length + diff.nodes.removed.length + diff.nodes.changed.length === 0 &&
    diff.edges.added.length + diff.edges.removed.length + diff.edges.changed.length === 0
  );
}

/** The flow list's three figures: messages that went out (sent, delivered, read or answered), failed, skipped. */
export function outcomeCounts(totals: Pick<DeliveryTally, 'byStatus'>) {
  const count = (statuses: readonly DeliveryStatus[]) =>
    statuses.reduce((sum, status) => sum + (totals.byStatus[status] ?? 0), 0);
  return {
    sent: count(DELIVERY_OUTCOMES.sent),
    failed: count(DELIVERY_OUTCOMES.failed),
    skipped: count(['skipped']),
  };
}
