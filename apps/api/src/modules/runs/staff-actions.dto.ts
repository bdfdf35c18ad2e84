/** Staff's actions on runs are part of the shared contract (libs/contract); re-exported for the API's files. */
export {
  resourceDelaySchema,
  resourceAbsenceSchema,
  manualRunRequestSchema,
  type ResourceDelay,
  type ResourceAbsence,
  type ManualRunRequest,
} from '@clinicflow/contract';

export const resourceDelayExample = { requestId: '3f1c9a7e-5b2d-4e8f-9a1c-7d6e5f4a3b2c', minutes: 40 };

export const resourceAbsenceExample = {
  requestId: '8b2d4f6a-1c3e-4a5b-9d7f-0e1a2b3c4d5e',
  absence: { from: '2026-04-01', to: '2026-04-03' },
};

export const resourceAlertAnswerExample = { accepted: true, duplicate: false, flows: 1, appointments: 6 };

export const manualRunExample = {
  requestId: '5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b',
  patientIds: ['pat_0c1d2e3f4a5b6c7d8e9f0a1b', 'pat_1d2e3f4a5b6c7d8e9f0a1b2c'],
};

export const manualRunAnswerExample = {
  flowId: '6f1d9c3e-2b4a-4c8e-9f7d-1a2b3c4d5e6f',
  version: 2,
  runs: [
    {
      patientId: 'pat_0c1d2e3f4a5b6c7d8e9f0a1b',
      runId: 'run_1f2e3d4c5b6a79880716253443526170',
      status: 'waiting',
      duplicate: false,
    },
    { patientId: 'pat_1d2e3f4a5b6c7d8e9f0a1b2c', runId: null, status: null, duplicate: false },
  ],
};
