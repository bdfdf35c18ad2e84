import { ConflictException, Injectable } from '@nestjs/common';
import { ClockRepository } from '../../common/clock.repository';
import type { Principal } from '../auth/principal';
import { DeliveryCancelService } from '../deliveries/delivery-cancel.service';
import type { DeliveryStatus } from '../deliveries/delivery.document';
import { DeliveryStatusService } from '../deliveries/delivery-status.service';
import { DeliveryRetryService } from '../dispatcher/delivery-retry.service';
import { DeliveryReportService, toDeliveryDetail } from './delivery-report.service';

const RETRYABLE: DeliveryStatus[] = ['failed', 'expired'];
const CANCELLABLE: DeliveryStatus[] = ['scheduled', 'retrying'];

function conflict(message: string, status: DeliveryStatus): ConflictException {
  return new ConflictException({ message, errors: [{ path: 'status', message: `is ${status}` }] });
}

/** What the front desk may do to one delivery from the report: retry a failed one, cancel a pending one. */
@Injectable()
export class DeliveryActionsService {
  constructor(
    private readonly report: DeliveryReportService,
    private readonly cancels: DeliveryCancelService,
    private readonly status: DeliveryStatusService,
    private readonly retries: DeliveryRetryService,
    private readonly clock: ClockRepository,
  ) {}

  /** Sends a failed or expired delivery again (e.g. after a credits top-up, scenario 10). */
  async retry(principal: Principal, id: string) {
    const delivery = await this.report.find(principal.clinicId, id);
    if (!RETRYABLE.includes(delivery.status)) {
      throw conflict(
        `Only a failed or expired message can be sent again; this one is ${delivery.status}`,
        delivery.status,
      );
    }
    const now = this.clock.now();
    const by = principal.email ?? 'staff';
    if (delivery.status === 'failed') return toDeliveryDetail(await this.retries.retry(delivery, by, now));
    // Expired: back to the queue, due now, the attempt count going on (claims are <id>#<attempt>), and
    // without its expiry: staff asked for it to go now, knowingly late.
    const updated = await this.status.record(delivery, {
      status: 'scheduled',
      at: now,
      by,
      reason: 'Sent again at the front desk’s request',
      set: { sendAt: now, expiresAt: null, error: null, reason: null, leaseUntil: null },
      dueAt: now,
    });
    return toDeliveryDetail(updated);
  }

  /** Cancels a delivery not yet sent; a send that already won the attempt wins (409). */
  async cancel(principal: Principal, id: string, reason?: string) {
    const delivery = await this.report.find(principal.clinicId, id);
    if (!CANCELLABLE.includes(delivery.status)) {
      throw conflict(
        `Only a scheduled or retrying message can be cancelled; this one is ${delivery.status}`,
        delivery.status,
      );
    }
    const by = principal.email ?? 'staff';
    const done = await this.cancels.cancel(delivery, reason ?? `Cancelled by ${by}`, by, this.clock.now());
    if (!done) throw conflict('The message is being sent and can no longer be cancelled', 'sending');
    return this.report.get(principal.clinicId, id);
  }
}
