import type { ManualRunAnswer, ManualRunRequest } from '@clinicflow/contract';
import { apiFetch } from '../../../api/apiClient';

export type { ManualRunAnswer, RunStatus } from '@clinicflow/contract';

/** `POST /api/flows/:id/manual-runs` (B1): runs a flow started by "manual" for the chosen patients. */
export const manualRunsApi = {
  start: (flowId: string, request: ManualRunRequest) =>
    apiFetch<ManualRunAnswer>(`/flows/${encodeURIComponent(flowId)}/manual-runs`, {
      method: 'POST',
      body: request,
    }),
};
