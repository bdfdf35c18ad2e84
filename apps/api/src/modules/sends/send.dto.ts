/** One-off and batch sends are part of the shared contract (libs/contract); re-exported for the API's files. */
export {
  sendTemplateSchema,
  oneOffSendSchema,
  batchQuerySchema,
  batchSendSchema,
  batchListExportSchema,
  BATCH_LIST_PERSONAL_DATA,
  type BatchListExport,
  type SendTemplate,
  type OneOffSend,
  type BatchQuery,
  type BatchSend,
} from '@clinicflow/contract';

export const oneOffExample = {
  channel: 'sms',
  to: '06 12 34 56 78',
  name: 'Léa Martin',
  template: { body: 'Le cabinet sera fermé lundi 6 avril. Merci de votre compréhension.' },
  sendAt: '2026-04-02T08:00:00+02:00',
};

export const batchQueryExample = {
  from: '2026-04-06',
  to: '2026-04-10',
  channel: 'sms',
  resourceId: 'res_9e8d7c6b5a4f3e2d1c0b9a8f',
  sent: 'not-sent',
};

export const batchListExportExample = {
  query: { ...batchQueryExample, specialty: 'Orthodontie' },
  removed: ['apt_0f1e2d3c4b5a69788796a5b4'],
  lang: 'fr',
  confirm: 'personal-data',
};

export const batchListCsvExample =
  '\uFEFF"patient","address","appointment","already sent","removed by hand","can receive it","problem","appointment id","patient id"\r\n' +
  '"Léa Martin","+33612345678","2026-04-07 10:30","no","no","yes","","apt_6a5b4c3d2e1f0a9b8c7d6e5f","pat_0c1d2e3f4a5b6c7d8e9f0a1b"\r\n' +
  '"Tom Petit","","2026-04-07 11:00","no","no","no","The patient has no mobile number.","apt_1b2c3d4e5f6a7b8c9d0e1f2a","pat_2a3b4c5d6e7f8a9b0c1d2e3f"\r\n';

export const batchRowExample = {
  id: 'apt_6a5b4c3d2e1f0a9b8c7d6e5f',
  appointmentId: 'apt_6a5b4c3d2e1f0a9b8c7d6e5f',
  start: '2026-04-07T08:30:00.000Z',
  patient: { id: 'pat_0c1d2e3f4a5b6c7d8e9f0a1b', name: 'Léa Martin' },
  address: '+33612345678',
  serviceId: 'svc_4f3e2d1c0b9a8f7e6d5c4b3a',
  resourceId: 'res_9e8d7c6b5a4f3e2d1c0b9a8f',
  alreadySent: false,
  problem: null,
};

export const batchSendExample = {
  name: 'Fermeture du lundi 6 avril',
  query: batchQueryExample,
  removed: ['apt_0f1e2d3c4b5a69788796a5b4'],
  onePerPhone: true,
  template: {
    body: 'Bonjour {{patient.firstName}}, votre RDV du {{date appointment.start "d MMMM"}} est déplacé.',
  },
};

export const batchExample = {
  id: 'bat_0a1b2c3d-4e5f-4071-8293-a4b5c6d7e8f9',
  name: 'Fermeture du lundi 6 avril',
  channel: 'sms',
  query: batchQueryExample,
  onePerPhone: true,
  createdAt: '2026-04-02T08:00:00.000Z',
  createdBy: 'accueil@cabinet.fr',
  recipients: 41,
  leftOut: [
    { id: 'apt_1b2c3d4e5f6a7b8c9d0e1f2a', reason: 'Same phone number (+33612345678) as another recipient.' },
  ],
  progress: { total: 41, byStatus: { scheduled: 3, sent: 20, delivered: 18 } },
};
