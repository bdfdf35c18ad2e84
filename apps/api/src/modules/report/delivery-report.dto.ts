/**
 * The report's queries and bodies are the shared contract's (libs/contract); this file re-exports them under the
 * names the report's files import, and holds the OpenAPI examples.
 */
export {
  RANGES,
  DELIVERY_SORTS,
  PERSONAL_DATA_WARNING,
  deliveryListQuerySchema,
  deliveryExportQuerySchema,
  deliverySummaryQuerySchema,
  deliveryCancelSchema,
  type DeliverySort,
  type DeliveryListQuery,
  type DeliveryFilterQuery,
  type DeliveryExportQuery,
  type DeliverySummaryQuery,
  type DeliveryCancel,
} from '@clinicflow/contract';

export const deliveryExportCsvExample =
  '\uFEFF"created","to send","sent","delivered","opened","opens","status","channel","recipient type","name","address","text","sender","segments","credits","error","flow","sent by","step","appointment","delivery"\r\n' +
  '"2026-03-20 11:00:00","2026-03-24 09:30:00","2026-03-24 09:30:02","2026-03-24 09:30:05","","","delivered","SMS","patient","Léa Martin","+33612345678","Bonjour Léa, RDV demain à 09:30. Répondez C pour confirmer.","CabinetParc","1","1","","Reminders","engine","sms24","apt_6a5b4c3d2e1f0a9b8c7d6e5f","dlv_3f2a9c0e8d7b6a5f4e3d2c1b0a9f8e7d"\r\n';

export const deliveryExample = {
  id: 'dlv_3f2a9c0e8d7b6a5f4e3d2c1b0a9f8e7d',
  createdAt: '2026-03-20T10:00:00.000Z',
  sendAt: '2026-03-24T08:30:00.000Z',
  sentAt: '2026-03-24T08:30:02.000Z',
  deliveredAt: '2026-03-24T08:30:05.000Z',
  openedAt: null,
  readAt: null,
  opens: 0,
  proxyOpens: 0,
  expiresAt: '2026-03-25T08:30:00.000Z',
  status: 'delivered',
  channel: 'sms',
  recipient: { type: 'patient', name: 'Léa Martin', address: '+33612345678' },
  text: 'Bonjour Léa, RDV demain à 09:30. Répondez C pour confirmer.',
  subject: null,
  segments: 1,
  credits: 1,
  error: null,
  reason: null,
  flowId: 'flow_reminders',
  nodeId: 'sms24',
  appointmentId: 'apt_6a5b4c3d2e1f0a9b8c7d6e5f',
  patientId: 'pat_0c1d2e3f4a5b6c7d8e9f0a1b',
  serviceId: 'svc_4f3e2d1c0b9a8f7e6d5c4b3a',
  resourceId: 'res_9e8d7c6b5a4f3e2d1c0b9a8f',
  origin: 'flow',
  batchId: null,
  inDoubt: false,
  sentBy: 'engine',
};

export const deliveryListExample = {
  items: [deliveryExample],
  total: 1,
  page: 1,
  pageSize: 50,
  totals: { byStatus: { delivered: 1 }, byChannel: { sms: 1 } },
};

export const deliveryDetailExample = {
  ...deliveryExample,
  runId: 'run_0a1b2c3d4e5f60718293a4b5',
  flowVersion: 3,
  sender: { smsName: 'CabinetParc' },
  from: 'CabinetParc',
  language: 'fr',
  purpose: 'reminder',
  expectsReply: true,
  answeredAt: null,
  provider: 'sandbox',
  providerMessageId: 'sandbox-m8x2k1-1',
  attempt: 1,
  history: [
    { status: 'scheduled', at: '2026-03-20T10:00:00.000Z', attempt: 0, reason: null, by: null },
    { status: 'sending', at: '2026-03-24T08:30:00.000Z', attempt: 1, reason: null, by: 'dispatcher' },
    { status: 'sent', at: '2026-03-24T08:30:02.000Z', attempt: 1, reason: null, by: 'dispatcher' },
    { status: 'delivered', at: '2026-03-24T08:30:05.000Z', attempt: 1, reason: null, by: 'sandbox' },
  ],
  updatedAt: '2026-03-24T08:30:05.000Z',
  run: {
    id: 'run_0a1b2c3d4e5f60718293a4b5',
    status: 'awaiting-reply',
    flowVersion: 3,
    eventType: 'appointment.booked',
    endedReason: null,
    steps: [
      {
        at: '2026-03-20T10:00:00.000Z',
        nodeId: 'booked',
        kind: 'trigger',
        outcome: 'passed',
        exit: null,
        reason: null,
      },
      {
        at: '2026-03-24T08:30:00.000Z',
        nodeId: 'sms24',
        kind: 'ask',
        outcome: 'planned',
        exit: null,
        reason: null,
      },
    ],
  },
};

export const deliverySummaryExample = {
  from: '2026-03-23',
  to: '2026-03-24',
  days: [
    { day: '2026-03-23', total: 0, byStatus: {}, byChannel: {}, byStatusAndChannel: {}, credits: 0 },
    {
      day: '2026-03-24',
      total: 3,
      byStatus: { delivered: 2, failed: 1 },
      byChannel: { sms: 2, email: 1 },
      byStatusAndChannel: { delivered: { sms: 1, email: 1 }, failed: { sms: 1 } },
      credits: 2,
    },
  ],
  totals: {
    total: 3,
    byStatus: { delivered: 2, failed: 1 },
    byChannel: { sms: 2, email: 1 },
    byStatusAndChannel: { delivered: { sms: 1, email: 1 }, failed: { sms: 1 } },
    credits: 2,
  },
};

export const sentByOptionsExample = {
  items: [
    { sentBy: 'engine', name: null },
    { sentBy: 'accueil@cabinet.fr', name: 'Accueil' },
  ],
};

export const creditsRetryProgressExample = { failed: 0, left: 37 };

export const creditsRetryExample = { retried: 42, unpaid: 0, failed: 0, left: 42 };
