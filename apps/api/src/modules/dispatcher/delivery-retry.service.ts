import { ConflictException, Injectable } from '@nestjs/common';
import type { DeliveryDocument } from '../deliveries/delivery.document';
import { DeliveryStatusService } from '../deliveries/delivery-status.service';

/**
 * Staff's "retry" of a failed delivery (e.g. after a credits top-up, scenario 10): back to `scheduled`, due
 * now, its attempts continuing (the next claim is `<id>#<attempt + 1>`). The last checks run again at send
 * time, so a message past its expiry becomes expired rather than going late.
 */
@Injectable()
export class DeliveryRetryService {
  constructor(private readonly status: DeliveryStatusService) {}

  async retry(delivery: DeliveryDocument, by: string, now: Date): Promise<DeliveryDocument> {
    if (delivery.status !== 'failed') {
      throw new ConflictException({
        message: `Only a failed message can be retried; this one is ${delivery.status}`,
        errors: [{ path: 'status', message: `is ${delivery.status}, not failed` }],
      });
    }
    return this.status.record(delivery, {
      status: 'scheduled',
      at: now,
      by,
      reason: 'retried',
      set: { error: null, leaseUntil: null },
      dueAt: now,
    });
  }
}
