import { Injectable } from '@nestjs/common';
import { RETRYABLE_STATUSES } from '@clinicflow/contract';
import { AppError } from '../../common/app-error';
import { forEachConcurrently } from '../../common/concurrently';
import { CREDITS_EXHAUSTED, type DeliveryDocument } from './delivery.document';
import { DeliveryQueueRepository } from './delivery-queue.repository';
import { DeliveryRepository } from './delivery.repository';
import { DeliveryStatusService } from './delivery-status.service';

/** Deliveries sent again at the same time by one "retry all" (each is a write of the delivery and its queue entry). */
const RETRY_CONCURRENCY = 8;

/**
 * Staff's "send again" of a message that did not go (e.g. after a credits top-up, scenario 10): back to
 * `scheduled`, due now, its attempts continuing (the next claim is `<id>#<attempt + 1>`). A failed message
 * keeps its expiry, so the last checks make it expired rather than late; an expired one goes now without
 * its expiry: staff asked for it knowingly late. The dispatcher's own retries after a provider's refusal
 * are its retry policy (`retrying`), not this.
 */
@Injectable()
export class DeliveryRetryService {
  constructor(
    private readonly status: DeliveryStatusService,
    private readonly deliveries: DeliveryRepository,
    private readonly queue: DeliveryQueueRepository,
  ) {}

  /** The clinic's messages that failed for want of SMS credits, the earliest send first. */
  failedForCredits(clinicId: string): Promise<DeliveryDocument[]> {
    return this.deliveries.failedForCredits(clinicId);
  }

  /**
   * Sends again, each through `retry`, messages that failed for want of credits (after a top-up, S7); their queue
   * entries are marked so that `creditsRetryProgress` counts those still to go. Answers how many went back.
   */
  async retryFailedForCredits(deliveries: DeliveryDocument[], by: string, now: Date): Promise<number> {
    let retried = 0;
    await forEachConcurrently(deliveries, RETRY_CONCURRENCY, async (delivery) => {
      await this.retry(delivery, by, now, CREDITS_EXHAUSTED);
      retried++;
    });
    return retried;
  }

  /** The clinic's messages still failed for want of credits, and those sent again for it still to go. */
  async creditsRetryProgress(clinicId: string): Promise<{ failed: number; left: number }> {
    const [failed, left] = await Promise.all([
      this.deliveries.countFailedForCredits(clinicId),
      this.queue.countRetryOf(clinicId, CREDITS_EXHAUSTED),
    ]);
    return { failed, left };
  }

  /** Sends one failed or expired message again; `retryOf` marks it as one of many sent again for that reason. */
  async retry(
    delivery: DeliveryDocument,
    by: string,
    now: Date,
    retryOf?: string,
  ): Promise<DeliveryDocument> {
    if (!RETRYABLE_STATUSES.includes(delivery.status)) {
      throw AppError.conflict(
        `Only a failed or expired message can be sent again; this one is ${delivery.status}`,
        [{ path: 'status', message: `is ${delivery.status}` }],
      );
    }
    if (delivery.status === 'failed') {
      return this.status.record(delivery, {
        status: 'scheduled',
        at: now,
        by,
        reason: 'retried',
        set: { error: null, leaseUntil: null },
        dueAt: now,
        retryOf,
      });
    }
    return this.status.record(delivery, {
      status: 'scheduled',
      at: now,
      by,
      reason: 'Sent again at the front desk’s request',
      set: { sendAt: now, expiresAt: null, error: null, reason: null, why: null, leaseUntil: null },
      dueAt: now,
    });
  }
}
