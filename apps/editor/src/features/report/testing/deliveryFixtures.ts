import type { DeliveryDetail, DeliveryPage, DeliveryRow, DeliverySummary } from '../api/reportApi';

/** A report row with sensible defaults; tests override what they look at. */
export function deliveryRow(overrides: Partial<DeliveryRow> = {}): DeliveryRow {
  return {
    id: 'dlv-1',
    createdAt: '2026-03-20T10:00:00.000Z',
    sendAt: '2026-03-24T08:30:00.000Z',
    sentAt: null,
    deliveredAt: null,
    openedAt: null,
    readAt: null,
    opens: 0,
    proxyOpens: 0,
    expiresAt: null,
    status: 'failed',
    channel: 'sms',
    recipient: { type: 'patient', name: 'Léa Martin', address: '+33612345678' },
    text: 'Bonjour Léa, RDV demain à 09:30.',
    subject: null,
    segments: 1,
    credits: 1,
    error: { code: 'credits-exhausted', reason: 'credits exhausted' },
    reason: null,
    flowId: 'flow-1',
    nodeId: 'sms24',
    appointmentId: 'apt-1',
    patientId: 'pat-1',
    serviceId: null,
    resourceId: null,
    origin: 'flow',
    batchId: null,
    inDoubt: false,
    sentBy: 'engine',
    ...overrides,
  };
}

export function deliveryPage(items: DeliveryRow[], total = items.length): DeliveryPage {
  return {
    items,
    total,
    page: 1,
    pageSize: 100,
    totals: { byStatus: { failed: total }, byChannel: { sms: total } },
  };
}

export function deliveryDetail(overrides: Partial<DeliveryDetail> = {}): DeliveryDetail {
  return {
    ...deliveryRow(),
    runId: null,
    flowVersion: 1,
    sender: null,
    from: null,
    language: 'fr',
    purpose: 'reminder',
    expectsReply: false,
    answeredAt: null,
    provider: 'sandbox',
    providerMessageId: null,
    attempt: 1,
    history: [
      { status: 'scheduled', at: '2026-03-20T10:00:00.000Z', attempt: 0, by: null, reason: null },
      {
        status: 'failed',
        at: '2026-03-24T08:30:01.000Z',
        attempt: 1,
        by: 'dispatcher',
        reason: 'credits exhausted',
      },
    ],
    updatedAt: '2026-03-24T08:30:01.000Z',
    ...overrides,
  };
}

export const emptySummary: DeliverySummary = {
  from: '2026-03-01',
  to: '2026-03-07',
  days: [],
  totals: { total: 0, byStatus: {}, byChannel: {}, byStatusAndChannel: {}, credits: 0 },
};
