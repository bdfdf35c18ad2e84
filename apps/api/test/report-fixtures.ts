import { INestApplication } from '@nestjs/common';
import type { DeliveryDocument } from '../src/modules/deliveries/delivery.document';
import { DeliveryQueueRepository } from '../src/modules/deliveries/delivery-queue.repository';
import { DeliveryRepository } from '../src/modules/deliveries/delivery.repository';

/** A delivery as the engine stores it, with the given fields; times are ISO strings for brevity. */
export function deliveryDocument(
  clinicId: string,
  id: string,
  fields: Partial<Record<keyof DeliveryDocument, unknown>> = {},
): DeliveryDocument {
  const at = (value: unknown) => (typeof value === 'string' ? new Date(value) : (value as Date | null));
  const createdAt = at(fields.createdAt ?? '2026-03-01T09:00:00Z')!;
  const sendAt = at(fields.sendAt ?? '2026-03-02T09:00:00Z')!;
  const status = (fields.status as DeliveryDocument['status']) ?? 'scheduled';
  return {
    _id: id,
    clinicId,
    origin: 'flow',
    runId: null,
    flowId: null,
    flowVersion: null,
    nodeId: null,
    batchId: null,
    appointmentId: null,
    patientId: null,
    serviceId: null,
    resourceId: null,
    channel: 'sms',
    recipient: { type: 'patient', name: 'Léa Martin', address: '+33612345678' },
    purpose: 'reminder',
    expectsReply: false,
    template: { body: 'Bonjour {{patient.firstName}}' },
    language: 'fr',
    sender: null,
    from: null,
    sentBy: 'engine',
    templateData: {},
    createdDay: createdAt.toISOString().slice(0, 10),
    sendDay: sendAt.toISOString().slice(0, 10),
    expiresAt: null,
    sentAt: null,
    deliveredAt: null,
    answeredAt: null,
    attempt: 0,
    leaseUntil: null,
    error: null,
    reason: null,
    text: null,
    subject: null,
    segments: null,
    credits: null,
    provider: null,
    providerMessageId: null,
    inDoubt: false,
    history: [{ status, at: createdAt, attempt: 0, reason: null, by: null }],
    updatedAt: createdAt,
    ...(fields as Partial<DeliveryDocument>),
    createdAt,
    sendAt,
    status,
    ...(fields.sentAt ? { sentAt: at(fields.sentAt) } : {}),
    ...(fields.deliveredAt ? { deliveredAt: at(fields.deliveredAt) } : {}),
    ...(fields.expiresAt ? { expiresAt: at(fields.expiresAt) } : {}),
  } as DeliveryDocument;
}

/** Stores deliveries as the planner does: the documents, and queue entries for those still to send. */
export async function storeDeliveries(app: INestApplication, deliveries: DeliveryDocument[]) {
  for (const delivery of deliveries) {
    await app.get(DeliveryRepository).addMany(delivery.clinicId, [delivery]);
  }
  await app
    .get(DeliveryQueueRepository)
    .put(
      deliveries
        .filter((d) => ['scheduled', 'retrying', 'sending'].includes(d.status))
        .map((d) => ({ _id: d._id, clinicId: d.clinicId, dueAt: d.sendAt })),
    );
}

/** RFC 4180 read back: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== ',' && c !== '\r')) {
      field += c;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else {
      // \r\n outside quotes ends the row.
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    }
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
