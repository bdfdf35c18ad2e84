import { ConflictException, Injectable } from '@nestjs/common';
import { ClockRepository } from '../../common/clock.repository';
import { DeliveryReceiptService } from '../dispatcher/delivery-receipt.service';
import { ProviderRegistry } from '../dispatcher/provider-registry.service';
import { SettingsRepository } from '../settings/settings.repository';
import { DeliveryReportService } from './delivery-report.service';

/**
 * S2 "on demand": the front desk asks the provider what became of one sent message (the engine does the
 * same for recent ones once a minute); the answer is applied as a receipt would be.
 */
@Injectable()
export class DeliveryRefreshService {
  constructor(
    private readonly report: DeliveryReportService,
    private readonly settings: SettingsRepository,
    private readonly registry: ProviderRegistry,
    private readonly receipts: DeliveryReceiptService,
    private readonly clock: ClockRepository,
  ) {}

  async refresh(clinicId: string, id: string) {
    const delivery = await this.report.find(clinicId, id);
    if (delivery.status !== 'sent' || !delivery.providerMessageId) {
      throw new ConflictException({
        message: `Only a sent message still waiting for its receipt can be asked about; this one is ${delivery.status}`,
        errors: [{ path: 'status', message: `is ${delivery.status}` }],
      });
    }
    const settings = await this.settings.findForClinic(clinicId);
    const { provider } = await this.registry.forChannel(settings!, delivery.channel);
    const known =
      provider.lookup && provider.name === delivery.provider
        ? await provider.lookup({
            providerMessageId: delivery.providerMessageId,
            idempotencyKey: delivery._id,
          })
        : null;
    if (known && known.status !== 'accepted' && known.status !== 'sent') {
      await this.receipts.apply(clinicId, provider.name, {
        providerMessageId: delivery.providerMessageId,
        status: known.status,
        at: this.clock.now(),
      });
    }
    return { ...(await this.report.get(clinicId, id)), providerAnswered: known !== null };
  }
}
