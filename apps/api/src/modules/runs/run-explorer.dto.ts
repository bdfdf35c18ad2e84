/** The run explorer's query is the shared contract's (libs/contract); re-exported for the API's files. */
export { runListQuerySchema, type RunListQuery } from '@clinicflow/contract';

const summaryExample = {
  id: 'run_3b5d7f9a1c2e4b6d8f0a1c3e5b7d9f1a',
  flowId: 'c0a8f3e2-6d4b-4c1a-9e7f-2b3c4d5e6f70',
  flowName: 'Reminders with confirmation request',
  flowVersion: 2,
  eventType: 'appointment.booked',
  eventAt: '2026-03-20T10:00:00.000Z',
  status: 'ended',
  nodeId: 'wait24',
  appointmentId: 'apt_6a5b4c3d2e1f0a9b8c7d6e5f',
  appointmentStart: '2026-03-25T08:30:00.000Z',
  patientId: 'pat_0c1d2e3f4a5b6c7d8e9f0a1b',
  endedReason: 'engine error: the database did not answer',
  endedWhy: { code: 'engine-error', params: {} },
  retryFrom: 'wait24',
  createdAt: '2026-03-20T10:00:01.000Z',
  updatedAt: '2026-03-24T08:30:00.000Z',
};

export const runPageExample = { items: [summaryExample], total: 1, page: 1, pageSize: 20 };

export const runDetailExample = {
  ...summaryExample,
  patientName: 'Inès Dupont',
  steps: [
    {
      at: '2026-03-20T10:00:01.000Z',
      nodeId: 'booked',
      kind: 'trigger',
      outcome: 'passed',
      exit: 'next',
      reason: null,
      why: null,
      message: null,
    },
    {
      at: '2026-03-20T10:00:01.000Z',
      nodeId: 'wait24',
      kind: 'wait',
      outcome: 'waiting',
      exit: null,
      reason: null,
      why: null,
      message: null,
    },
  ],
};
