import { Injectable } from '@nestjs/common';
import { RETRYABLE_STATUSES } from '@clinicflow/contract';
import { AppError } from '../../common/app-error';
import type { DeliveryDocument } from './delivery.document';
import { DeliveryStatusService } from './delivery-status.service';

/**
 * Staff's "send again" of a message that did not go (e.g. after a credits top-up, scenario 10): back to
 * `scheduled`, due now, its attempts continuing (the next claim is `<id>#<attempt + 1>`). A failed message
 * keeps its expiry, so the last checks make it expired rather than late; an expired one goes now without
 * its expiry: staff asked for it knowingly late. The dispatcher's own retries after a provider's refusal
 * are its retry policy (`retrying`), not this.
 */
@Injectable()
export class DeliveryRetryService {
  constructor(private readonly status: DeliveryStatusService) {}

  async retry(delivery: DeliveryDocument, by: string, now: Date): Promise<DeliveryDocument> {
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
      });
    }
    return this.status.record(delivery, {
      status: 'scheduled',
      at: now,
      by,
      reason: 'Sent again at the front desk’s request',
      set: { sendAt: now, expiresAt: null, error: null, reason: null, leaseUntil: null },
      dueAt: now,
    });
  }
}
