import { Injectable } from '@nestjs/common';
import { CANCELLABLE_STATUSES } from '@clinicflow/contract';
import type { DeliveryDocument } from './delivery.document';
import { DeliveryCancelService } from './delivery-cancel.service';
import { DeliveryClaimRepository } from './delivery-claim.repository';
import { DeliveryRepository } from './delivery.repository';

/** Why an erased patient's waiting messages were cancelled (a sentence: no reason code words it yet). */
const ERASED = "The patient's data was erased";

/** A patient as their messages name them: by id, or by an address a message was sent to. */
export interface PatientAddresses {
  id: string;
  addresses: readonly string[];
}

/** What an erasure did to a patient's messages. */
export interface DeliveriesErased {
  /** Every message to the patient or about their appointments (their ids are kept: the report's counts). */
  ids: string[];
  /** Those still waiting to go that were cancelled first. */
  cancelled: number;
  /** Those whose texts and addresses this call removed. */
  emptied: number;
}

/**
 * The deliveries' part of data protection (docs/privacy.md): a clinic's daily retention claim, the removal of
 * texts and addresses of older messages, a patient's messages for an export, and their erasure. A message
 * keeps its status, channel, dates and credits, so the report still adds up.
 */
@Injectable()
export class DeliveryPrivacyService {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly claims: DeliveryClaimRepository,
    private readonly cancels: DeliveryCancelService,
  ) {}

  /** True for the one process that claims the clinic's retention for this clinic-local day. */
  claimRetentionDay(clinicId: string, day: string, by: string, at: Date): Promise<boolean> {
    return this.claims.claimDaily('retention', clinicId, day, by, at);
  }

  /** Removes texts and addresses of the messages created before `cutoff`; answers the ids of those it emptied. */
  async removeContentBefore(
    clinicId: string,
    cutoff: Date,
    at: Date,
  ): Promise<{ ids: string[]; emptied: number }> {
    const ids = await this.deliveries.idsWithContentBefore(clinicId, cutoff);
    return { ids, emptied: await this.deliveries.removeContent(clinicId, ids, at) };
  }

  /** A patient's messages and those about their appointments, as stored (the subject's export). */
  about(
    clinicId: string,
    patient: PatientAddresses,
    appointmentIds: readonly string[],
  ): Promise<DeliveryDocument[]> {
    return this.deliveries.about(clinicId, patient, appointmentIds);
  }

  /**
   * A patient's erasure: their messages still waiting are cancelled first (a cancel competes with a send for
   * the attempt's claim, so none goes out after), then every one loses its texts and addresses.
   */
  async eraseForPatient(
    clinicId: string,
    patient: PatientAddresses,
    appointmentIds: readonly string[],
    by: string,
    now: Date,
  ): Promise<DeliveriesErased> {
    const found = await this.deliveries.about(clinicId, patient, appointmentIds);
    let cancelled = 0;
    for (const delivery of found.filter((d) => CANCELLABLE_STATUSES.includes(d.status))) {
      if (await this.cancels.cancel(delivery, ERASED, by, now)) cancelled++;
    }
    const ids = found.map((delivery) => delivery._id);
    return { ids, cancelled, emptied: await this.deliveries.removeContent(clinicId, ids, now) };
  }
}
