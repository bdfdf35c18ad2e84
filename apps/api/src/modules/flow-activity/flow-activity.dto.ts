/** The activity's query is the shared contract's (libs/contract), as is its answer (`flowActivitySchema`). */
export { flowActivityQuerySchema, type FlowActivityQuery } from '@clinicflow/contract';

/** What one step of a flow did on one clinic day. */
export interface NodeActivity {
  entered: number;
  waiting: number;
  sent: number;
  skipped: number;
  failed: number;
}

/** One outcome of the feed: a delivery's status or a run's state, newest first. */
export interface ActivityOutcome {
  at: Date;
  nodeId: string | null;
  deliveryId?: string;
  runId?: string;
  status: string;
  recipientName?: string;
  /** The initials of the run's patient ("L. M."). */
  patientInitials?: string;
  reason?: string;
}

export interface FlowActivity {
  day: string;
  /** The clinic's time zone: the day's bounds, and how the editor writes the outcomes' times. */
  timeZone: string;
  nodes: Record<string, NodeActivity>;
  latest: ActivityOutcome[];
}

export const flowActivityExample = {
  day: '2026-03-06',
  timeZone: 'Europe/Paris',
  nodes: {
    booked: { entered: 12, waiting: 0, sent: 0, skipped: 0, failed: 0 },
    wait24: { entered: 12, waiting: 9, sent: 0, skipped: 0, failed: 0 },
    sms24: { entered: 3, waiting: 0, sent: 2, skipped: 0, failed: 1 },
  },
  latest: [
    {
      at: '2026-03-06T09:00:02.000Z',
      nodeId: 'sms24',
      deliveryId: 'dlv_3f2a',
      runId: 'run_9c1b',
      status: 'failed',
      recipientName: 'Léa Martin',
      reason: 'credits exhausted',
    },
    { at: '2026-03-06T08:12:00.000Z', nodeId: 'wait24', runId: 'run_77aa', status: 'waiting' },
  ],
};
