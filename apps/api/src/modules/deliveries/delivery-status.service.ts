import { Injectable } from '@nestjs/common';
import type { Reason } from '@clinicflow/rules';
import { DueWork } from '../../common/due-work';
import { LiveEventsService } from '../live/live-events.service';
import { queuedStatuses, type DeliveryDocument, type DeliveryStatus } from './delivery.document';
import { DeliveryQueueRepository } from './delivery-queue.repository';
import { DeliveryRepository } from './delivery.repository';
import { ProviderMessageRepository } from './provider-message.repository';

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
}

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
    await this.providerMessages.link(provider, providerMessageId, delivery.clinicId, delivery._id, change.at);
    return sent;
  }

  /** Records the change on a delivery just read; answers the delivery as it is now. */
  async record(delivery: DeliveryDocument, change: StatusChange): Promise<DeliveryDocument> {
    const attempt = change.set?.attempt ?? delivery.attempt;
    const entry = {
      status: change.status,
      at: change.at,
      attempt,
      reason: change.reason ?? null,
      ...(change.why ? { why: change.why } : {}),
      by: change.by ?? null,
    };
    const fields = { ...change.set, status: change.status, updatedAt: change.at };
    await this.deliveries.recordStatus(delivery, fields, entry);
    const updated: DeliveryDocument = {
      ...delivery,
      ...(change.set as Partial<DeliveryDocument>),
      status: change.status,
      updatedAt: change.at,
      history: [...delivery.history, entry],
    };
    if (queuedStatuses.includes(change.status)) {
      const dueAt = change.dueAt ?? (change.status === 'sending' ? updated.leaseUntil : updated.sendAt);
      await this.queue.put([
        {
          _id: delivery._id,
          clinicId: delivery.clinicId,
          dueAt: dueAt ?? change.at,
          ...(change.retryOf ? { retryOf: change.retryOf } : {}),
        },
      ]);
      if (change.status !== 'sending') this.dueWork.announce(new Date(dueAt ?? change.at));
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
