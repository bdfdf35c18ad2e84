/** The inbox's query and change are the shared contract's (libs/contract); re-exported for the API's files. */
export { inboxQuerySchema, inboxChangeSchema, type InboxQuery, type InboxChange } from '@clinicflow/contract';

export const inboxItemExample = {
  id: 'rpl_0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  receivedAt: '2026-03-24T17:05:00.000Z',
  channel: 'sms',
  from: '+33612345678',
  text: 'Je serai en retard de 10 minutes',
  patient: { id: 'pat_0c1d2e3f4a5b6c7d8e9f0a1b', name: 'Léa Martin' },
  deliveryId: 'dlv_3f2a9c0e8d7b6a5f4e3d2c1b0a9f8e7d',
  questionText: 'Rappel : RDV demain à 09:30 au Cabinet du Parc. Répondez C pour confirmer, N pour annuler.',
  appointmentId: 'apt_6a5b4c3d2e1f0a9b8c7d6e5f',
  appointment: { id: 'apt_6a5b4c3d2e1f0a9b8c7d6e5f', start: '2026-03-25T08:30:00.000Z' },
  meaning: 'unknown',
  outcome: 'Waiting in the inbox',
  read: false,
  readAt: null,
  readBy: null,
  followUp: true,
};
