import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { DeliveryReport } from '@clinicflow/channels';
import { ClockRepository } from '../../common/clock.repository';
import type { DeliveryDocument, DeliveryStatus } from '../deliveries/delivery.document';
import { DeliveryService } from '../deliveries/delivery.service';
import { DeliveryStatusService } from '../deliveries/delivery-status.service';
import { RunService } from '../runs/run.service';
import { ProviderRegistry } from './provider-registry.service';
import { errorSummary } from '../../common/logged-error';

/**
 * Statuses worth writing a receipt for; the write itself is decided by the database (`recordReceipt`: only
 * from a status ranked below the receipt's, so "failed" then "delivered" ends delivered, never back from
 * "answered"). A delivery being sent again ("sending") is another attempt's: its old receipts change nothing.
 * A read receipt (WhatsApp) also comes after the delivered one.
 */
const awaitingReceipt: readonly DeliveryStatus[] = ['sent', 'failed'];
const awaitingRead: readonly DeliveryStatus[] = [...awaitingReceipt, 'delivered'];
/** A pushed receipt can overtake the recording of its send: look for the link a few times. */
const LINK_RETRIES = [200, 500, 1500];

/**
 * Delivery receipts (S1): a provider's report for one of its message ids moves the delivery from sent to
 * delivered, or to failed with the reason. Pushed receipts (SMPP deliver_sm, the sandbox) arrive through
 * the provider registry; HTTP callbacks (replies module) call `apply`.
 */
@Injectable()
export class DeliveryReceiptService implements OnModuleInit {
  private readonly logger = new Logger(DeliveryReceiptService.name);

  constructor(
    private readonly clock: ClockRepository,
    private readonly registry: ProviderRegistry,
    private readonly deliveries: DeliveryService,
    private readonly status: DeliveryStatusService,
    private readonly runs: RunService,
  ) {}

  onModuleInit() {
    this.registry.onProviderEvent((clinicId, _channel, providerName, event) => {
      if (event.type !== 'status' || event.report.status === 'sent') return;
      void this.applyPushed(clinicId, providerName, event.report).catch((error: unknown) =>
        this.logger.warn(`A ${providerName} receipt was not applied: ${errorSummary(error)}`),
      );
    });
  }

  private async applyPushed(clinicId: string, providerName: string, report: DeliveryReport): Promise<void> {
    for (const delay of [0, ...LINK_RETRIES]) {
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay).unref());
      if ((await this.apply(clinicId, providerName, report)) !== 'unknown') return;
    }
  }

  /**
   * Applies one receipt; answers the delivery as it is now, `'unknown'` when no delivery of this clinic has
   * that provider id, or null when the receipt changes nothing (intermediate, or the delivery moved on).
   */
  async apply(
    clinicId: string,
    providerName: string,
    report: DeliveryReport,
  ): Promise<DeliveryDocument | null | 'unknown'> {
    const target = await this.deliveries.findReceiptTarget(clinicId, providerName, report.providerMessageId);
    if (!target) return 'unknown';
    const delivery = target.delivery;
    const awaiting = report.status === 'read' ? awaitingRead : awaitingReceipt;
    if (!awaiting.includes(delivery.status) || report.status === 'sent') return null;
    const now = this.clock.now();
    const sentBy = { providerMessageId: report.providerMessageId, attempt: target.attempt };
    if (report.status === 'delivered' || report.status === 'read') {
      const at = report.at ?? now;
      const recorded = await this.status.recordReceipt(
        delivery,
        {
          status: report.status,
          at: now,
          by: providerName,
          set: {
            // A read message was delivered, whether or not its delivered receipt came first.
            deliveredAt: delivery.deliveredAt ?? at,
            ...(report.status === 'read' ? { readAt: at } : {}),
            error: null,
          },
        },
        sentBy,
      );
      if (recorded) await this.tellLadder(delivery, report.status);
      return recorded;
    }
    const reason = report.reason ?? receiptReasons[report.status];
    const failed = await this.status.recordReceipt(
      delivery,
      {
        status: 'failed',
        at: now,
        by: providerName,
        reason,
        set: { error: { code: report.errorCode ?? report.status, reason }, leaseUntil: null },
      },
      sentBy,
    );
    // A receipt the database refused (the delivery moved on meanwhile) tells the run nothing.
    if (failed && delivery.expectsReply && delivery.runId) {
      await this.runs.signal(clinicId, delivery.runId, { kind: 'delivery-failed', reason });
    }
    if (failed) await this.tellLadder(delivery, 'failed');
    return failed;
  }

  /** A rung of a "Reach the patient" step moved on: its run decides whether that reached the patient. */
  private async tellLadder(
    delivery: DeliveryDocument,
    status: 'delivered' | 'read' | 'failed',
  ): Promise<void> {
    if (!delivery.ladder || !delivery.runId) return;
    await this.runs.signal(delivery.clinicId, delivery.runId, {
      kind: 'delivery-status',
      deliveryKey: delivery.ladder.key,
      status,
    });
  }
}

const receiptReasons: Record<Exclude<DeliveryReport['status'], 'sent' | 'delivered' | 'read'>, string> = {
  undelivered: 'The message could not be delivered to the phone or mailbox.',
  failed: 'The provider could not deliver the message.',
  expired: 'The message expired before it could be delivered.',
};
