import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error';
import { ClockRepository } from '../../common/clock.repository';
import { DeliveryStatusRefreshService } from '../dispatcher/delivery-status-refresh.service';
import { DeliveryReportService } from './delivery-report.service';

/**
 * S2 "on demand": the front desk asks the provider what became of one sent message (the engine does the
 * same for recent ones once a minute); the answer is applied as a receipt would be.
 */
@Injectable()
export class DeliveryRefreshService {
  constructor(
    private readonly report: DeliveryReportService,
    private readonly refresher: DeliveryStatusRefreshService,
    private readonly clock: ClockRepository,
  ) {}

  async refresh(clinicId: string, id: string) {
    const delivery = await this.report.find(clinicId, id);
    if (delivery.status !== 'sent' || !delivery.providerMessageId) {
      throw AppError.conflict(
        `Only a sent message still waiting for its receipt can be asked about; this one is ${delivery.status}`,
        [{ path: 'status', message: `is ${delivery.status}` }],
      );
    }
    const answer = await this.refresher.ask(delivery, this.clock.now());
    return { ...(await this.report.get(clinicId, id)), providerAnswered: answer.answered };
  }
}
