import { Injectable, Logger } from '@nestjs/common';
import { PROVIDERS_WITH_LOOKUP } from '@clinicflow/channels';
import type { DeliveryDocument } from '../deliveries/delivery.document';
import { DeliveryService } from '../deliveries/delivery.service';
import { SettingsService } from '../settings/settings.service';
import { DeliveryReceiptService } from './delivery-receipt.service';
import { ProviderRegistry } from './provider-registry.service';
import { errorSummary } from '../../common/logged-error';
import { forEachConcurrently, loadOnce } from '../../common/concurrently';
import type { SettingsDocument } from '../settings/settings.repository';

/** How far back sent messages are still asked about, and how many per refresh. */
const REFRESH_WINDOW_MS = 48 * 3_600_000;
const REFRESH_LIMIT = 100;
/** Asked at once: a provider that looks messages up in a store (the sandbox) answers them in one read. */
const ASKED_AT_ONCE = 8;

/** What asking the provider about one sent message gave. */
export interface ProviderAnswer {
  /** The provider knew the message (it may only say it is still on its way). */
  answered: boolean;
  /** Its answer moved the delivery on (delivered, failed…). */
  changed: boolean;
}

/**
 * Delivery status asked of the providers (S2) for messages still `sent`: on a schedule for the recent ones
 * (providers that send no receipt by themselves), and on demand for one from the report. The answer is
 * applied as a receipt would be. The scheduled refresh scans `deliveries` (the big collection), so the
 * engine calls it at most once a minute, and only for a bounded number each time.
 */
@Injectable()
export class DeliveryStatusRefreshService {
  private readonly logger = new Logger(DeliveryStatusRefreshService.name);
  /** Where the last refresh stopped (the last message it asked about was sent then); null: from the start. */
  private askedUpTo: Date | null = null;

  constructor(
    private readonly deliveries: DeliveryService,
    private readonly settings: SettingsService,
    private readonly registry: ProviderRegistry,
    private readonly receipts: DeliveryReceiptService,
  ) {}

  /**
   * Asks the providers about messages still `sent` (only those of providers that can be asked), oldest first,
   * each refresh going on after the last message the previous one asked about, and from the start of the window
   * again once it reached the end; answers how many changed.
   */
  async refresh(now: Date): Promise<number> {
    const sent = await this.deliveries.awaitingReceipt(
      new Date(now.getTime() - REFRESH_WINDOW_MS),
      PROVIDERS_WITH_LOOKUP,
      REFRESH_LIMIT,
      this.askedUpTo,
    );
    this.askedUpTo = sent.length < REFRESH_LIMIT ? null : sent[sent.length - 1].sentAt;
    // One read of each clinic's settings per refresh, not one per message.
    const settingsOf = new Map<string, Promise<SettingsDocument | null>>();
    const settings = (clinicId: string) => loadOnce(settingsOf, clinicId, () => this.settings.find(clinicId));
    let changed = 0;
    await forEachConcurrently(sent, ASKED_AT_ONCE, async (delivery) => {
      try {
        if ((await this.ask(delivery, now, settings(delivery.clinicId))).changed) changed++;
      } catch (error) {
        this.logger.warn(`Status of delivery ${delivery._id} not refreshed: ${errorSummary(error)}`);
      }
    });
    return changed;
  }

  /** Asks the provider that took a sent message what became of it, and applies the answer. */
  async ask(
    delivery: DeliveryDocument,
    now: Date,
    knownSettings?: Promise<SettingsDocument | null>,
  ): Promise<ProviderAnswer> {
    const nothing = { answered: false, changed: false };
    if (!delivery.providerMessageId) return nothing;
    const settings = await (knownSettings ?? this.settings.find(delivery.clinicId));
    if (!settings) return nothing;
    const { provider } = await this.registry.forChannel(settings, delivery.channel);
    if (!provider.lookup || provider.name !== delivery.provider) return nothing;
    const known = await provider.lookup({
      providerMessageId: delivery.providerMessageId,
      idempotencyKey: delivery._id,
    });
    if (!known) return nothing;
    if (known.status === 'accepted' || known.status === 'sent') return { answered: true, changed: false };
    const applied = await this.receipts.apply(delivery.clinicId, provider.name, {
      providerMessageId: delivery.providerMessageId,
      status: known.status,
      at: now,
    });
    return { answered: true, changed: applied !== null && applied !== 'unknown' };
  }
}
