import { Injectable, Logger } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { DeliveryDocument } from '../deliveries/delivery.document';
import { SettingsRepository } from '../settings/settings.repository';
import { DeliveryReceiptService } from './delivery-receipt.service';
import { ProviderRegistry } from './provider-registry.service';

/** How far back sent messages are still asked about, and how many per refresh. */
const REFRESH_WINDOW_MS = 48 * 3_600_000;
const REFRESH_LIMIT = 100;

/**
 * Delivery status refreshed on a schedule (S2) for providers that send no receipt by themselves: recently
 * sent messages are looked up at their provider and the answer applied as a receipt. It scans `deliveries`
 * (the big collection), so the engine calls it at most once a minute, and only a bounded number each time.
 */
@Injectable()
export class DeliveryStatusRefreshService {
  private readonly logger = new Logger(DeliveryStatusRefreshService.name);

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly settings: SettingsRepository,
    private readonly registry: ProviderRegistry,
    private readonly receipts: DeliveryReceiptService,
  ) {}

  /** Asks the providers about messages still `sent`; answers how many changed. */
  async refresh(now: Date): Promise<number> {
    const sent = (await this.connection
      .db!.collection<DeliveryDocument>('deliveries')
      .find({ status: 'sent', sentAt: { $gte: new Date(now.getTime() - REFRESH_WINDOW_MS) } })
      .limit(REFRESH_LIMIT)
      .toArray()) as DeliveryDocument[];
    let changed = 0;
    for (const delivery of sent) {
      try {
        if (await this.refreshOne(delivery, now)) changed++;
      } catch (error) {
        this.logger.warn(`Status of delivery ${delivery._id} not refreshed: ${(error as Error).message}`);
      }
    }
    return changed;
  }

  private async refreshOne(delivery: DeliveryDocument, now: Date): Promise<boolean> {
    if (!delivery.providerMessageId) return false;
    const settings = await this.settings.findForClinic(delivery.clinicId);
    if (!settings) return false;
    const { provider } = await this.registry.forChannel(settings, delivery.channel);
    if (!provider.lookup || provider.name !== delivery.provider) return false;
    const known = await provider.lookup({
      providerMessageId: delivery.providerMessageId,
      idempotencyKey: delivery._id,
    });
    if (!known || known.status === 'accepted' || known.status === 'sent') return false;
    const applied = await this.receipts.apply(delivery.clinicId, provider.name, {
      providerMessageId: delivery.providerMessageId,
      status: known.status,
      at: now,
    });
    return applied !== null && applied !== 'unknown';
  }
}
