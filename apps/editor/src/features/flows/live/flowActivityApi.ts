import type { DeliveryPage, FlowActivity } from '@clinicflow/contract';
import { apiFetch } from '../../../api/apiClient';

/** The live overlay's wire types: the shared contract's (libs/contract). */
export type { ActivityOutcome, FlowActivity, StepActivity } from '@clinicflow/contract';

export const flowActivityApi = {
  activity: (flowId: string) => apiFetch<FlowActivity>(`/flows/${encodeURIComponent(flowId)}/activity`),
  /** The flow's failed messages of one clinic day, as the failed counts count them (by send day). */
  failed: (flowId: string, day: string) =>
    apiFetch<DeliveryPage>(
      `/deliveries?flowId=${encodeURIComponent(flowId)}&status=failed&sendFrom=${day}&sendTo=${day}&pageSize=100`,
    ),
};
