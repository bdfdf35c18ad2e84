import type { FlowVersion, RunDetail, RunPage, RunStepView } from '@clinicflow/contract';
import type { Flow } from '@clinicflow/rules';
import { apiFetch } from '../../../api/apiClient';

/** The run explorer's wire types: the shared contract's (libs/contract). */
export type { RunDetail, RunPage, RunStepView, RunSummary } from '@clinicflow/contract';

/** What the explorer looks for: a patient's runs, or one appointment's. */
export interface RunSearch {
  patientId?: string;
  appointmentId?: string;
}

export const runsApi = {
  search: ({ patientId, appointmentId }: RunSearch, page = 1) => {
    const query = new URLSearchParams({ page: String(page), pageSize: '50' });
    if (patientId) query.set('patientId', patientId);
    if (appointmentId) query.set('appointmentId', appointmentId);
    return apiFetch<RunPage>(`/runs?${query.toString()}`);
  },
  get: (id: string) => apiFetch<RunDetail>(`/runs/${encodeURIComponent(id)}`),
  retry: (id: string) => apiFetch<RunDetail>(`/runs/${encodeURIComponent(id)}/retry`, { method: 'POST' }),
  /** The published version a run follows (its steps' names and the canvas). */
  version: (flowId: string, version: number) =>
    apiFetch<FlowVersion & { flow: Flow }>(`/flows/${encodeURIComponent(flowId)}/versions/${version}`),
};

/** A decision as the report's drawer and the explorer both show it. */
export type RunDecision = Pick<RunStepView, 'at' | 'nodeId' | 'kind' | 'outcome' | 'exit' | 'reason'> &
  Partial<Pick<RunStepView, 'why' | 'message'>>;
