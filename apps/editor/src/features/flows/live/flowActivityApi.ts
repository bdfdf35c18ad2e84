import { apiFetch } from '../../../api/apiClient';

/** What one step did on one clinic day (`GET /api/flows/:id/activity`). */
export interface StepActivity {
  entered: number;
  waiting: number;
  sent: number;
  skipped: number;
  failed: number;
}

/** One outcome of the feed: a message's status or a run's state. */
export interface ActivityOutcome {
  at: string;
  nodeId: string | null;
  deliveryId?: string;
  runId?: string;
  status: string;
  recipientName?: string;
  reason?: string;
}

export interface FlowActivity {
  day: string;
  /** The clinic's time zone: the feed writes times in it. */
  timeZone: string;
  nodes: Record<string, StepActivity>;
  latest: ActivityOutcome[];
}

/** A failed message as the deliveries report lists it (the fields the overlay shows). */
export interface FailedDelivery {
  id: string;
  nodeId: string | null;
  sendAt: string;
  recipient: { type: string; name: string | null; address: string | null };
  error: { code: string; reason: string } | null;
  reason: string | null;
}

export const flowActivityApi = {
  activity: (flowId: string) => apiFetch<FlowActivity>(`/flows/${encodeURIComponent(flowId)}/activity`),
  /** The flow's failed messages of one clinic day, as the failed counts count them (by send day). */
  failed: (flowId: string, day: string) =>
    apiFetch<{ items: FailedDelivery[]; total: number }>(
      `/deliveries?flowId=${encodeURIComponent(flowId)}&status=failed&sendFrom=${day}&sendTo=${day}&pageSize=100`,
    ),
};
