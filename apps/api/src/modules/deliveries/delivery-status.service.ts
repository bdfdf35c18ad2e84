import { Injectable } from '@nestjs/common';
import { SENT_STATUS_RANK, statusesBelow, type SentStatus } from '@clinicflow/contract';
import type { Reason } from '@clinicflow/rules';
import { DueWork } from '../../common/due-work';
import { LiveEventsService } from '../live/live-events.service';
import {
  queuedStatuses,
  type DeliveryDocument,
  type DeliveryHistoryEntry,
  type DeliveryStatus,
} from './delivery.document';
import { DeliveryClaimRepository } from './delivery-claim.repository';
import { DeliveryQueueRepository } from './delivery-queue.repository';
import { DeliveryRepository, type StatusGuard } from './delivery.repository';
import { ProviderMessageRepository } from './provider-message.repository';

const SENT_STATUSES = Object.keys(SENT_STATUS_RANK) as SentStatus[];
const isSentStatus = (status: DeliveryStatus): status is SentStatus => status in SENT_STATUS_RANK;

/** A status change: the new status, when, why and by whom, plus fields to set with it. */
export interface StatusChange {
  status: DeliveryStatus;
  at: Date;
  reason?: string | null;
  /** The reason as a code (stored on the history entry, and on the delivery when `set` carries it too). */
  why?: Reason | null;
  by?: string | null;
  /** Other fields set in the same write (sentAt, providerMessageId, error, text, attempt, leaseUntil…). */
  set?: Partial<Omit<DeliveryDocument, '_id' | 'clinicId' | 'status' | 'history'>>;
  /** When the dispatcher should look at it next (queued statuses only); defaults to `sendAt`. */
  dueAt?: Date;
  /** Marks its queue entry as sent again with others for this reason (see `DeliveryQueueEntry.retryOf`). */
  retryOf?: string;
  /** The second a slot of its provider's rate is held for it (see `DeliveryQueueEntry.rateSlotAt`). */
  rateSlotAt?: Date;
}

/**
 * A delivery this process is sending (docs/engine.md, "A delivery's life"): its `sending` change (the attempt,
 * the lease, the history entry) is not written; the claim carries the lease, and the
 * outcome writes the change together with its own, so a sent message costs one write of its delivery.
 */
export type SendingDelivery = DeliveryDocument & {
  unsaved?: { set: Pick<DeliveryDocument, 'attempt' | 'leaseUntil'>; entry: DeliveryHistoryEntry };
};

/**
 * The one place a delivery's status changes: the document (with its history), its queue entry, and the
 * live event. Callers decide *whether* the change may happen (by a claim, see docs/engine.md); this
 * records it.
 */
@Injectable()
export class DeliveryStatusService {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly queue: DeliveryQueueRepository,
    private readonly providerMessages: ProviderMessageRepository,
    private readonly live: LiveEventsService,
    private readonly dueWork: DueWork,
    private readonly claims: DeliveryClaimRepository,
  ) {}

  /**
   * Records that a provider accepted the message under its own id, and links that id to the delivery (after
   * the status is `sent`, so a receipt that finds the link finds a sent delivery).
   */
  async recordSent(
    delivery: DeliveryDocument,
    change: Omit<StatusChange, 'status'>,
    provider: string,
    providerMessageId: string,
  ): Promise<DeliveryDocument> {
    const sent = await this.record(delivery, {
      ...change,
      status: 'sent',
      set: { ...change.set, provider, providerMessageId },
    });
    await this.providerMessages.link(
      provider,
      providerMessageId,
      delivery.clinicId,
      delivery._id,
      change.at,
      sent.attempt,
    );
    return sent;
  }

  /**
   * Starts sending attempt `attempt` of a delivery whose claim this process won: announces `sending`, without
   * writing the delivery (see `SendingDelivery`) or its queue entry (its claim carries the lease).
   */
  async startSending(
    delivery: DeliveryDocument,
    sending: { attempt: number; leaseUntil: Date; at: Date; by: string; reason: string | null },
  ): Promise<SendingDelivery> {
    const { attempt, leaseUntil, at, by, reason } = sending;
    const entry: DeliveryHistoryEntry = { status: 'sending', at, attempt, reason, by };
    const started: SendingDelivery = {
      ...delivery,
      status: 'sending',
      attempt,
      leaseUntil,
      history: [...delivery.history, entry],
      unsaved: { set: { attempt, leaseUntil }, entry },
    };
    this.announce(started, at);
    return started;
  }

  /** Records the change on a delivery just read; answers the delivery as it is now. */
  async record(delivery: DeliveryDocument, change: StatusChange): Promise<DeliveryDocument> {
    // An answer is claimed too, so that a receipt written at the same time converges to it (see `converge`).
    if (change.status === 'answered') {
      const attempt = change.set?.attempt ?? delivery.attempt;
      await this.claims.claimStatus(delivery.clinicId, delivery._id, attempt, 'answered', change.at);
    }
    return (await this.recordGuarded(delivery, change))!;
  }

  /**
   * Records a receipt's change only if the database still holds a status ranked below it and the provider id
   * the receipt names (a receipt for an older attempt, or a late one, changes nothing); null when refused.
   */
  async recordReceipt(
    delivery: DeliveryDocument,
    change: StatusChange & { status: SentStatus },
    sentBy: { providerMessageId: string; attempt: number | null },
  ): Promise<DeliveryDocument | null> {
    const attempt = sentBy.attempt ?? delivery.attempt;
    await this.claims.claimStatus(delivery.clinicId, delivery._id, attempt, change.status, change.at);
    const written = await this.recordGuarded(delivery, change, {
      statuses: statusesBelow(change.status),
      ...sentBy,
    });
    await this.converge(delivery, attempt, change.at);
    return written;
  }

  /**
   * A conditional update is not atomic on FerretDB (docs/engine.md): two receipts written at once may both
   * pass their filter, the later write winning. So after writing, each writer reads the delivery again and
   * writes the highest status claimed for the attempt when the stored one is lower, until it is not: the
   * last writer always ends on the highest claim.
   */
  private async converge(delivery: DeliveryDocument, attempt: number, at: Date): Promise<void> {
    for (let round = 0; round < SENT_STATUSES.length; round++) {
      const current = await this.deliveries.findById(delivery.clinicId, delivery._id);
      if (!current || current.attempt !== attempt || !isSentStatus(current.status)) return;
      const above = SENT_STATUSES.filter(
        (s) => SENT_STATUS_RANK[s] > SENT_STATUS_RANK[current.status as SentStatus],
      );
      const claimed = await Promise.all(above.map((s) => this.claims.hasStatus(delivery._id, attempt, s)));
      const highest = above.filter((_, i) => claimed[i]).at(-1);
      if (!highest) return;
      const set: Partial<DeliveryDocument> = { status: highest, updatedAt: at };
      if (highest === 'delivered' || highest === 'read')
        Object.assign(set, { error: null, deliveredAt: current.deliveredAt ?? at });
      if (highest === 'read') Object.assign(set, { readAt: current.readAt ?? at });
      if (highest === 'answered') Object.assign(set, { answeredAt: current.answeredAt ?? at });
      const entry = { status: highest, at, attempt, reason: null, by: null };
      await this.deliveries.recordStatus(current, set, [entry]);
      this.announce({ ...current, status: highest }, at);
    }
  }

  private async recordGuarded(
    delivery: DeliveryDocument,
    change: StatusChange,
    guard?: StatusGuard,
  ): Promise<DeliveryDocument | null> {
    const attempt = change.set?.attempt ?? delivery.attempt;
    const entry = {
      status: change.status,
      at: change.at,
      attempt,
      reason: change.reason ?? null,
      ...(change.why ? { why: change.why } : {}),
      by: change.by ?? null,
    };
    // A send's unwritten `sending` change goes with its outcome, in the same write.
    const { unsaved } = delivery as SendingDelivery;
    const fields = { ...unsaved?.set, ...change.set, status: change.status, updatedAt: change.at };
    const entries = unsaved ? [unsaved.entry, entry] : [entry];
    if (!(await this.deliveries.recordStatus(delivery, fields, entries, guard))) return null;
    const updated: SendingDelivery = {
      ...delivery,
      ...(change.set as Partial<DeliveryDocument>),
      status: change.status,
      updatedAt: change.at,
      history: [...delivery.history, entry],
    };
    delete updated.unsaved;
    if (queuedStatuses.includes(change.status)) {
      const dueAt = change.dueAt ?? updated.sendAt;
      await this.queue.put([
        {
          _id: delivery._id,
          clinicId: delivery.clinicId,
          dueAt: dueAt ?? change.at,
          ...(change.retryOf ? { retryOf: change.retryOf } : {}),
          ...(change.rateSlotAt ? { rateSlotAt: change.rateSlotAt } : {}),
        },
      ]);
      this.dueWork.announce(new Date(dueAt ?? change.at));
    } else {
      await this.queue.remove(delivery._id);
    }
    this.announce(updated, change.at);
    return updated;
  }

  /** Announces a delivery's current status on the live channel (also used right after planning). */
  announce(delivery: DeliveryDocument, at: Date): void {
    this.live.deliveryUpdated(delivery.clinicId, {
      id: delivery._id,
      status: delivery.status,
      flowId: delivery.flowId,
      nodeId: delivery.nodeId,
      at: at.toISOString(),
    });
  }
}
