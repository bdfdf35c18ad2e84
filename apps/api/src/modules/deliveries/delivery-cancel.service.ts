import { Injectable } from '@nestjs/common';
import type { Channel, Reason } from '@clinicflow/rules';
import { CANCELLABLE_STATUSES } from '@clinicflow/contract';
import type { DeliveryDocument } from './delivery.document';
import { DeliveryClaimRepository } from './delivery-claim.repository';
import { DeliveryRepository } from './delivery.repository';
import { DeliveryStatusService } from './delivery-status.service';

/** Why a delivery is cancelled: a sentence (a user's own words), or a sentence with its reason as a code. */
export type CancelReason = string | { reason: string; why: Reason };

/**
 * Cancels deliveries not yet sent (reschedule, cancel, consent withdrawn, staff). A cancel competes with a
 * send for the same claim `<id>#<attempt + 1>` (docs/engine.md), so a message is cancelled or sent, never both.
 */
@Injectable()
export class DeliveryCancelService {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly claims: DeliveryClaimRepository,
    private readonly status: DeliveryStatusService,
  ) {}

  /** True when this call cancelled it; false when it had already gone (or was being sent). */
  async cancel(delivery: DeliveryDocument, said: CancelReason, by: string, now: Date): Promise<boolean> {
    if (!CANCELLABLE_STATUSES.includes(delivery.status)) return false;
    const attempt = delivery.attempt + 1;
    const won = await this.claims.claim({
      clinicId: delivery.clinicId,
      deliveryId: delivery._id,
      attempt,
      kind: 'cancel',
      by,
      at: now,
    });
    if (!won) return false;
    const { reason, why } = typeof said === 'string' ? { reason: said, why: null } : said;
    await this.status.record(delivery, {
      status: 'cancelled',
      at: now,
      reason,
      why,
      by,
      set: { attempt, reason, why, leaseUntil: null },
    });
    return true;
  }

  /**
   * Cancels the pending deliveries of an appointment (moved or cancelled); `keep` spares some (those of the
   * runs the same event starts). Answers how many were cancelled.
   */
  async cancelForAppointment(
    clinicId: string,
    appointmentId: string,
    reason: CancelReason,
    now: Date,
    keep: (delivery: DeliveryDocument) => boolean = () => false,
  ): Promise<number> {
    return this.cancelAll(clinicId, { appointmentId }, reason, now, keep);
  }

  /** The deliveries of an appointment a cancel can still stop. */
  pendingForAppointment(clinicId: string, appointmentId: string): Promise<DeliveryDocument[]> {
    return this.deliveries.pendingOf(clinicId, { appointmentId }, CANCELLABLE_STATUSES);
  }

  /** Cancels a patient's pending messages on a channel (consent withdrawn, T3). */
  async cancelPendingForPatient(
    clinicId: string,
    patientId: string,
    channel: Channel,
    reason: CancelReason,
    now: Date,
  ): Promise<number> {
    return this.cancelAll(clinicId, { patientId, channel }, reason, now);
  }

  private async cancelAll(
    clinicId: string,
    about: { appointmentId: string } | { patientId: string; channel: Channel },
    reason: CancelReason,
    now: Date,
    keep: (delivery: DeliveryDocument) => boolean = () => false,
  ): Promise<number> {
    const pending = await this.deliveries.pendingOf(clinicId, about, CANCELLABLE_STATUSES);
    let cancelled = 0;
    for (const delivery of pending) {
      if (keep(delivery)) continue;
      if (await this.cancel(delivery, reason, 'engine', now)) cancelled++;
    }
    return cancelled;
  }
}
