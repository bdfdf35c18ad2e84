import { Injectable } from '@nestjs/common';
import { ReplyRepository, type ReplyDocument } from './reply.repository';

/** Who a patient is to the replies: their id and the addresses a reply of theirs may come from. */
export interface ReplySender {
  id: string;
  addresses: readonly string[];
}

/**
 * The replies' part of data protection (docs/privacy.md): the inbox is the same collection, so an inbox entry
 * goes with its reply. Retention empties older replies' texts and senders; an erasure deletes the patient's.
 */
@Injectable()
export class ReplyPrivacyService {
  constructor(private readonly replies: ReplyRepository) {}

  /** A patient's replies, as stored (the subject's export). */
  about(
    clinicId: string,
    patient: ReplySender,
    deliveryIds: readonly string[],
    appointmentIds: readonly string[],
  ): Promise<ReplyDocument[]> {
    return this.replies.about(clinicId, patient, deliveryIds, appointmentIds);
  }

  /** Deletes a patient's replies and inbox entries; answers how many. */
  async eraseOfPatient(
    clinicId: string,
    patient: ReplySender,
    deliveryIds: readonly string[],
    appointmentIds: readonly string[],
  ): Promise<number> {
    const found = await this.replies.about(clinicId, patient, deliveryIds, appointmentIds);
    return this.replies.deleteMany(
      clinicId,
      found.map((reply) => reply._id),
    );
  }

  /** Removes texts and senders of the replies received before `cutoff`; answers how many changed. */
  async removeContentBefore(clinicId: string, cutoff: Date, at: Date): Promise<number> {
    const ids = await this.replies.idsWithContentBefore(clinicId, cutoff);
    return this.replies.removeContent(clinicId, ids, at);
  }
}
