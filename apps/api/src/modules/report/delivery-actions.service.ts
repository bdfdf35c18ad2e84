import { CANCELLABLE_STATUSES } from '@clinicflow/contract';
import { reasonOf } from '@clinicflow/rules';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error';
import { ClockRepository } from '../../common/clock.repository';
import type { Principal } from '../../http/principal';
import { DeliveryCancelService } from '../deliveries/delivery-cancel.service';
import type { DeliveryStatus } from '../deliveries/delivery.document';
import { DeliveryRetryService } from '../deliveries/delivery-retry.service';
import { toDeliveryDetail } from '../deliveries/delivery-view';
import { DeliveryReportService } from './delivery-report.service';

function conflict(message: string, status: DeliveryStatus): AppError {
  return AppError.conflict(message, [{ path: 'status', message: `is ${status}` }]);
}

/** What the front desk may do to one delivery from the report: retry a failed one, cancel a pending one. */
@Injectable()
export class DeliveryActionsService {
  constructor(
    private readonly report: DeliveryReportService,
    private readonly cancels: DeliveryCancelService,
    private readonly retries: DeliveryRetryService,
    private readonly clock: ClockRepository,
  ) {}

  /** Sends a failed or expired delivery again (e.g. after a credits top-up, scenario 10). */
  async retry(principal: Principal, id: string) {
    const delivery = await this.report.find(principal.clinicId, id);
    const by = principal.email ?? 'staff';
    return toDeliveryDetail(await this.retries.retry(delivery, by, this.clock.now()));
  }

  /** Cancels a delivery not yet sent; a send that already won the attempt wins (409). */
  async cancel(principal: Principal, id: string, reason?: string) {
    const delivery = await this.report.find(principal.clinicId, id);
    if (!CANCELLABLE_STATUSES.includes(delivery.status)) {
      throw conflict(
        `Only a scheduled or retrying message can be cancelled; this one is ${delivery.status}`,
        delivery.status,
      );
    }
    const by = principal.email ?? 'staff';
    // the user's own words stay as they wrote them; without any, the editor words who cancelled it
    const said = reason ?? { reason: `Cancelled by ${by}`, why: reasonOf('staff-cancelled', { by }) };
    const done = await this.cancels.cancel(delivery, said, by, this.clock.now());
    if (!done) throw conflict('The message is being sent and can no longer be cancelled', 'sending');
    return this.report.get(principal.clinicId, id);
  }
}
