import type { Flow, RulesProblemCode, TimelineEntry } from '@clinicflow/rules';
import { apiFetch, type ApiFieldError } from '../../../api/apiClient';

/** A problem of a saved draft, as the rules library words it. */
export interface SavedProblem {
  nodeId: string | null;
  path?: string;
  message: string;
  code?: RulesProblemCode;
  params?: Record<string, string>;
}

/** `GET /api/flows` item. */
export interface FlowSummary {
  id: string;
  name: string;
  description: string | null;
  revision: number;
  valid: boolean;
  problemCount: number;
  enabled: boolean;
  latestVersion: number | null;
  starterKey: string | null;
  updatedAt: string;
  updatedBy: string;
}

/** `GET /api/flows/:id`: the draft with its revision (optimistic concurrency) and problems. */
export interface FlowView extends Omit<FlowSummary, 'name' | 'description' | 'problemCount'> {
  draft: Flow;
  problems: SavedProblem[];
}

export interface FlowVersion {
  flowId: string;
  version: number;
  note: string;
  publishedAt: string;
  publishedBy: string;
}

export interface FlowDiff {
  from: number | 'draft';
  to: number | 'draft';
  nodes: { added: string[]; removed: string[]; changed: { id: string; fields: string[] }[] };
  edges: { added: string[]; removed: string[]; changed: string[] };
  flow: string[];
}

export interface StarterSummary {
  key: string;
  name: string;
  description: string | null;
  flow: Flow;
}

export interface SimulationRequest {
  context?: Record<string, unknown>;
  event: { type: string; at: string; minutes?: number };
  replies?: { at: string; text: string }[];
  until?: string;
}

export interface SimulationAnswer {
  valid: boolean;
  errors: ApiFieldError[];
  timeline: TimelineEntry[];
}

/** The document as the API stores it: the editor's flow without an id. */
function document(flow: Flow) {
  const { id: _id, ...rest } = flow as Flow & { id?: string };
  return rest;
}

/** `GET /api/deliveries/summary` totals (the report's per-day counts, summed). */
export interface DeliveryTotals {
  totals: { total: number; byStatus: Partial<Record<string, number>> };
}

export const flowsApi = {
  list: () => apiFetch<FlowSummary[]>('/flows'),
  get: (id: string) => apiFetch<FlowView>(`/flows/${id}`),
  starters: () => apiFetch<StarterSummary[]>('/flows/starters'),
  create: (flow: Flow) => apiFetch<FlowView>('/flows', { method: 'POST', body: document(flow) }),
  createFromStarter: (key: string) =>
    apiFetch<FlowView>(`/flows/starters/${encodeURIComponent(key)}`, { method: 'POST' }),
  save: (id: string, revision: number, flow: Flow) =>
    apiFetch<FlowView>(`/flows/${id}`, { method: 'PUT', body: { revision, flow: document(flow) } }),
  setEnabled: (id: string, enabled: boolean) =>
    apiFetch<FlowView>(`/flows/${id}/${enabled ? 'enable' : 'disable'}`, { method: 'POST' }),
  publish: (id: string, note: string) =>
    apiFetch<FlowVersion>(`/flows/${id}/publish`, { method: 'POST', body: { note } }),
  versions: (id: string) => apiFetch<FlowVersion[]>(`/flows/${id}/versions`),
  diff: (id: string, from: number) => apiFetch<FlowDiff>(`/flows/${id}/diff?from=${from}&to=draft`),
  restore: (id: string, version: number, revision: number) =>
    apiFetch<FlowView>(`/flows/${id}/versions/${version}/restore`, { method: 'POST', body: { revision } }),
  lastDays: (id: string, from: string) =>
    apiFetch<DeliveryTotals>(`/deliveries/summary?flowId=${encodeURIComponent(id)}&from=${from}`),
  simulate: (id: string, request: SimulationRequest) =>
    apiFetch<SimulationAnswer>(`/flows/${id}/simulate`, {
      method: 'POST',
      body: { version: 'draft', ...request },
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

/** The flow list's three figures: messages that went out (sent, delivered or answered), failed, skipped. */
export function outcomeCounts(totals: DeliveryTotals['totals']) {
  const count = (...statuses: string[]) => statuses.reduce((sum, s) => sum + (totals.byStatus[s] ?? 0), 0);
  return {
    sent: count('sent', 'delivered', 'answered'),
    failed: count('failed', 'expired'),
    skipped: count('skipped'),
  };
}
