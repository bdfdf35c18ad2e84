import { Injectable } from '@nestjs/common';
import type {
  Channel,
  MessagePurpose,
  MessageTemplate,
  PlannedDelivery,
  Reason,
  RecipientType,
  Sender,
} from '@clinicflow/rules';
import { createHash } from 'node:crypto';
import { ENGINE_SENDER, type DeliveryDocument, type DeliveryOrigin } from './delivery.document';
import { DeliveryQueueRepository } from './delivery-queue.repository';
import { DeliveryRepository } from './delivery.repository';
import { DeliveryStatusService } from './delivery-status.service';
import { clinicDay } from '../../common/clinic-day';
import { DueWork } from '../../common/due-work';

/**
 * One message to plan, whatever asked for it (a flow's step, a one-off send, a batch, a notice). `key` is
 * the idempotency key: the delivery's `_id` is derived from the clinic and the key, so planning the same
 * key twice stores one delivery.
 */
export interface DeliveryInput {
  key: string;
  nodeId?: string | null;
  channel: Channel;
  recipient: { type: RecipientType; name: string | null; address: string | null };
  sendAt: Date;
  expiresAt?: Date | null;
  template: MessageTemplate;
  language: string;
  sender?: Sender | null;
  purpose?: MessagePurpose | null;
  expectsReply?: boolean;
  /** `skipped` with its reason (shown in the report), or `scheduled` (the default). */
  status?: 'scheduled' | 'skipped';
  reason?: string | null;
  /** The reason as a code the editor words (a skip's, or a move out of quiet hours). */
  why?: Reason | null;
  /** A reminder another of the same day named (one message per patient per day): that delivery's id. */
  mergedInto?: string;
  /** A rung of a "Reach the patient" step (1 = the first): its receipts are told to its run. */
  ladderRung?: number;
}

/** What every delivery of one `plan` call shares: where it comes from and what it is about. */
export interface DeliveryFacts {
  /** The clinic's zone: `createdDay` and `sendDay` are clinic-local days. */
  timeZone: string;
  origin: DeliveryOrigin;
  runId?: string | null;
  flowId?: string | null;
  flowVersion?: number | null;
  batchId?: string | null;
  appointmentId?: string | null;
  patientId?: string | null;
  serviceId?: string | null;
  resourceId?: string | null;
  /** What the template is rendered with at send time (`templateData()` of the rules library). */
  templateData: Record<string, unknown>;
  /** Who asked (a user's e-mail for one-off and batch sends): the first history entry's and `sentBy`. */
  by?: string | null;
}

export interface PlanAnswer {
  /** The deliveries this call stored (not those that existed already). */
  planned: DeliveryDocument[];
  /** How many were already there (same idempotency key): nothing was changed for them. */
  duplicates: number;
}

/** The `_id` of a delivery: `dlv_<sha(clinic, idempotency key)>`. */
export function deliveryIdFor(clinicId: string, key: string): string {
  return `dlv_${createHash('sha256').update(`${clinicId}\u0000${key}`).digest('hex').slice(0, 32)}`;
}

/** A delivery the rules library planned, as an input of `plan`. */
export function fromPlannedDelivery(planned: PlannedDelivery): DeliveryInput {
  return {
    key: planned.idempotencyKey,
    nodeId: planned.nodeId,
    channel: planned.channel,
    recipient: planned.recipient,
    sendAt: new Date(planned.sendAt),
    expiresAt: planned.expiresAt ? new Date(planned.expiresAt) : null,
    template: planned.template,
    language: planned.language,
    sender: planned.sender,
    purpose: planned.purpose,
    expectsReply: planned.expectsReply,
    reason: planned.note,
    why: planned.noteWhy ?? null,
    ...(planned.ladderRung ? { ladderRung: planned.ladderRung } : {}),
  };
}

function isPlanned(input: PlannedDelivery | DeliveryInput): input is PlannedDelivery {
  return 'idempotencyKey' in input;
}

/**
 * Stores planned messages: each as a `DeliveryDocument` under its idempotency key (a duplicate is a no-op),
 * with a `delivery_queue` entry due at its send time, or as `skipped` with the reason for the report.
 */
@Injectable()
export class DeliveryPlanningService {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly queue: DeliveryQueueRepository,
    private readonly status: DeliveryStatusService,
    private readonly dueWork: DueWork,
  ) {}

  async plan(
    clinicId: string,
    inputs: ReadonlyArray<PlannedDelivery | DeliveryInput>,
    facts: DeliveryFacts,
    now: Date,
  ): Promise<PlanAnswer> {
    if (inputs.length === 0) return { planned: [], duplicates: 0 };
    const documents = inputs.map((input) =>
      this.toDocument(clinicId, isPlanned(input) ? fromPlannedDelivery(input) : input, facts, now),
    );
    const duplicates = await this.deliveries.addMany(clinicId, documents);
    const planned = documents.filter((_, position) => !duplicates.has(position));
    // A delivery stored by an earlier attempt that died before its queue entry: queue it now.
    const orphans = duplicates.size
      ? (
          await this.deliveries.findByIds(
            clinicId,
            [...duplicates].map((p) => documents[p]._id),
          )
        ).filter((d) => d.status === 'scheduled')
      : [];
    await this.queue.put(
      [...planned.filter((d) => d.status === 'scheduled'), ...orphans].map((d) => ({
        _id: d._id,
        clinicId,
        dueAt: d.sendAt,
      })),
    );
    for (const delivery of planned) this.status.announce(delivery, now);
    const queued = [...planned.filter((d) => d.status === 'scheduled'), ...orphans];
    if (queued.length) {
      this.dueWork.announce(
        queued.reduce((soonest, d) => (d.sendAt < soonest ? d.sendAt : soonest), queued[0].sendAt),
      );
    }
    return { planned, duplicates: duplicates.size };
  }

  private toDocument(
    clinicId: string,
    input: DeliveryInput,
    facts: DeliveryFacts,
    now: Date,
  ): DeliveryDocument {
    const status = input.status ?? 'scheduled';
    const day = (at: Date) => clinicDay(at, facts.timeZone);
    const reason = input.reason ?? null;
    const why = input.why ?? null;
    return {
      _id: deliveryIdFor(clinicId, input.key),
      clinicId,
      ...(input.ladderRung ? { ladder: { rung: input.ladderRung, key: input.key } } : {}),
      origin: facts.origin,
      runId: facts.runId ?? null,
      flowId: facts.flowId ?? null,
      flowVersion: facts.flowVersion ?? null,
      nodeId: input.nodeId ?? null,
      batchId: facts.batchId ?? null,
      appointmentId: facts.appointmentId ?? null,
      patientId: facts.patientId ?? null,
      serviceId: facts.serviceId ?? null,
      resourceId: facts.resourceId ?? null,
      channel: input.channel,
      recipient: input.recipient,
      purpose: input.purpose ?? null,
      expectsReply: input.expectsReply ?? false,
      template: input.template,
      language: input.language,
      sender: input.sender ?? null,
      from: null,
      sentBy: facts.by ?? ENGINE_SENDER,
      templateData: facts.templateData,
      createdAt: now,
      createdDay: day(now),
      sendDay: day(input.sendAt),
      sendAt: input.sendAt,
      expiresAt: input.expiresAt ?? null,
      sentAt: null,
      deliveredAt: null,
      answeredAt: null,
      openedAt: null,
      status,
      attempt: 0,
      leaseUntil: null,
      error: null,
      reason,
      why,
      text: null,
      subject: null,
      segments: null,
      credits: null,
      provider: null,
      providerMessageId: null,
      inDoubt: false,
      history: [{ status, at: now, attempt: 0, reason, ...(why ? { why } : {}), by: facts.by ?? null }],
      updatedAt: now,
      ...(input.mergedInto ? { mergedInto: input.mergedInto } : {}),
    };
  }
}
