import { sentByOf, type DeliveryDocument } from './delivery.document';

/** A delivery as the report lists it (api.md), `id` instead of `_id`. */
export function toDeliveryRow(d: DeliveryDocument) {
  return {
    id: d._id,
    createdAt: d.createdAt,
    sendAt: d.sendAt,
    sentAt: d.sentAt,
    deliveredAt: d.deliveredAt,
    openedAt: d.openedAt,
    readAt: d.readAt ?? null,
    opens: d.opens ?? 0,
    proxyOpens: d.proxyOpens ?? 0,
    expiresAt: d.expiresAt,
    status: d.status,
    channel: d.channel,
    recipient: d.recipient,
    text: d.text,
    subject: d.subject,
    segments: d.segments,
    credits: d.credits,
    error: d.error,
    reason: d.reason,
    why: d.why ?? null,
    flowId: d.flowId,
    nodeId: d.nodeId,
    appointmentId: d.appointmentId,
    patientId: d.patientId,
    serviceId: d.serviceId,
    resourceId: d.resourceId,
    origin: d.origin,
    batchId: d.batchId,
    inDoubt: d.inDoubt,
    // a delivery stored before `sentBy` existed, until the upgrade at start reaches it
    sentBy: d.sentBy ?? sentByOf(d),
  };
}

/** One delivery with everything the detail drawer shows (S4): history, provider, sender, run. */
export function toDeliveryDetail(d: DeliveryDocument) {
  return {
    ...toDeliveryRow(d),
    runId: d.runId,
    flowVersion: d.flowVersion,
    sender: d.sender,
    from: d.from ?? null,
    language: d.language,
    purpose: d.purpose,
    expectsReply: d.expectsReply,
    answeredAt: d.answeredAt,
    provider: d.provider,
    providerMessageId: d.providerMessageId,
    attempt: d.attempt,
    history: d.history,
    updatedAt: d.updatedAt,
  };
}
