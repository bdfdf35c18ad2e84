import { z } from 'zod';

/** `GET /api/patients/:id/export?format=`: JSON (the default) or a readable HTML page. */
export const patientExportQuerySchema = z.object({ format: z.enum(['json', 'html']).default('json') });
export type PatientExportQuery = z.infer<typeof patientExportQuerySchema>;

export const erasureReportExample = {
  patientId: 'pat_5d1c0f6a3b2e4d5c6b7a8f90',
  appointments: 2,
  events: 3,
  runs: 2,
  deliveries: 4,
  cancelled: 1,
  replies: 1,
  sandboxMessages: 3,
};

export const patientExportExample = {
  exportedAt: '2026-03-20T10:00:00.000Z',
  patient: {
    id: 'pat_5d1c0f6a3b2e4d5c6b7a8f90',
    firstName: 'Léa',
    lastName: 'Martin',
    mobile: '+33612345678',
  },
  consentHistory: [
    { channel: 'sms', granted: true, purposes: [], source: 'pms', at: '2026-01-02T09:00:00.000Z' },
  ],
  appointments: [{ id: 'apt_0a1b2c3d4e5f60718293a4b5', start: '2026-03-21T09:00:00.000Z', status: 'booked' }],
  deliveries: [
    {
      id: 'run_…:n1:patient',
      channel: 'sms',
      status: 'delivered',
      recipient: { type: 'patient', name: 'Léa Martin', address: '+33612345678' },
      text: 'Rappel : RDV demain 10:00',
    },
  ],
  replies: [{ id: 'rpl_…', channel: 'sms', from: '+33612345678', text: 'C', meaning: 'confirmed' }],
  auditEntries: [],
};
