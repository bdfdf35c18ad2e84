import { Injectable } from '@nestjs/common';
import type { Channel } from '@clinicflow/rules';
import type { DeliveryDocument } from './delivery.document';
import { DeliveryRepository } from './delivery.repository';
import { ProviderMessageRepository } from './provider-message.repository';

/** Reads of single deliveries and of the few sets other modules ask about, in the clinic's words. */
@Injectable()
export class DeliveryService {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly providerMessages: ProviderMessageRepository,
  ) {}

  /** A delivery of the clinic, or null when it has none of that id. */
  find(clinicId: string, id: string): Promise<DeliveryDocument | null> {
    return this.deliveries.findById(clinicId, id);
  }

  /** A delivery by id whatever its clinic (the dispatcher works for every clinic). */
  findAny(id: string): Promise<DeliveryDocument | null> {
    return this.deliveries.findAnyById(id);
  }

  /** The delivery a provider's message id names (receipts name only that), or null when none of this clinic. */
  async findByProviderMessage(
    clinicId: string,
    provider: string,
    providerMessageId: string,
  ): Promise<DeliveryDocument | null> {
    const link = await this.providerMessages.find(clinicId, provider, providerMessageId);
    if (!link) return null;
    return this.deliveries.findById(clinicId, link.deliveryId);
  }

  /** The delivery a receipt names, with the attempt that sent that provider id (null on links written before). */
  async findReceiptTarget(
    clinicId: string,
    provider: string,
    providerMessageId: string,
  ): Promise<{ delivery: DeliveryDocument; attempt: number | null } | null> {
    const link = await this.providerMessages.find(clinicId, provider, providerMessageId);
    const delivery = link && (await this.deliveries.findById(clinicId, link.deliveryId));
    return delivery ? { delivery, attempt: link.attempt ?? null } : null;
  }

  /** A patient's reminders planned to go since `since` that went or may still go (F6: one per person per day). */
  remindersSince(clinicId: string, patientId: string, since: Date): Promise<DeliveryDocument[]> {
    return this.deliveries.remindersSince(clinicId, patientId, since);
  }

  /** The latest question that reached this address on this channel from this provider (what a reply answers), or null. */
  latestQuestionTo(
    clinicId: string,
    address: string,
    channel: Channel,
    provider: string,
  ): Promise<DeliveryDocument | null> {
    return this.deliveries.latestQuestionTo(clinicId, address, channel, provider);
  }

  /**
   * Counts an opening of a sent e-mail (its tracking image fetched: C6) and keeps the first one's time; the
   * status does not change. False when no e-mail that went out has this id.
   */
  recordOpen(id: string, at: Date, byProxy: boolean): Promise<boolean> {
    return this.deliveries.recordOpen(id, at, byProxy);
  }

  /**
   * Messages of every clinic sent by one of `providers` since `since` (after `after` when given) and still
   * waiting for a receipt, oldest first.
   */
  awaitingReceipt(
    since: Date,
    providers: readonly string[],
    limit: number,
    after: Date | null = null,
  ): Promise<DeliveryDocument[]> {
    return this.deliveries.awaitingReceipt(since, providers, limit, after);
  }
}
