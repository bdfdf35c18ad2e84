import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Channel, ReplyMeaning } from '@clinicflow/rules';
import { Db, type Filter } from 'mongodb';
import { createHash } from 'node:crypto';
import { inWriteChunks } from '../../database/duplicate-key';
import {
  ClinicDocument,
  ClinicScopedRepository,
  type Page,
  type PageQuery,
} from '../../tenancy/clinic-scoped.repository';

/**
 * One message a patient (or anyone) sent back. Every reply is kept; those the engine understood
 * (confirm, decline, STOP) are stored already read, the others wait in the inbox (S6) unread.
 */
export interface ReplyDocument extends ClinicDocument {
  channel: Channel;
  /** The sender's number in E.164 when it reads as one, else as received. */
  from: string;
  to: string;
  text: string;
  receivedAt: Date;
  provider: string;
  providerMessageId: string | null;
  patientId: string | null;
  patientName: string | null;
  /** The question (a delivery that expects a reply) this answers, when one was waiting. */
  deliveryId: string | null;
  /** The text of that question as it was sent, shown next to the answer in the inbox. */
  questionText: string | null;
  appointmentId: string | null;
  runId: string | null;
  meaning: ReplyMeaning;
  /** What was done with it, in the front desk's words. */
  outcome: string;
  read: boolean;
  readAt: Date | null;
  readBy: string | null;
  followUp: boolean;
  createdAt: Date;
  updatedAt: Date;
  /** When its text and sender were removed (retention; docs/privacy.md). */
  contentRemovedAt?: Date;
}

/**
 * `rpl_<sha(clinic, provider, provider message id)>` (or of sender, time and text when the provider gives
 * no id), so a callback the provider posts twice is handled once.
 */
export function replyIdFor(
  clinicId: string,
  provider: string,
  message: { providerMessageId?: string; from: string; at: Date; text: string },
): string {
  const key = message.providerMessageId
    ? `${provider}\u0000${message.providerMessageId}`
    : `${provider}\u0000${message.from}\u0000${message.at.toISOString()}\u0000${message.text}`;
  return `rpl_${createHash('sha256').update(`${clinicId}\u0000${key}`).digest('hex').slice(0, 32)}`;
}

/** Which replies the inbox lists: those waiting for staff (not understood), or all; read or not; flagged or not. */
export interface InboxCriteria {
  all?: boolean;
  read?: boolean;
  followUp?: boolean;
}

/** What patients (or anyone) sent back (`replies`). */
@Injectable()
export class ReplyRepository extends ClinicScopedRepository<ReplyDocument> implements OnModuleInit {
  constructor(db: Db) {
    super(db, 'replies');
  }

  onModuleInit() {
    return this.ensureIndexes([{ key: { clinicId: 1, receivedAt: -1 } }]);
  }

  /** Keeps a reply unless it was kept already (a callback posted twice): true when this call kept it. */
  keep(reply: ReplyDocument): Promise<boolean> {
    return this.insertOnce(reply.clinicId, reply);
  }

  /** A page of the inbox, newest first. */
  inbox(clinicId: string, criteria: InboxCriteria, query: PageQuery): Promise<Page<ReplyDocument>> {
    const filter: Filter<ReplyDocument> = criteria.all ? {} : { meaning: 'unknown' };
    if (criteria.read !== undefined) filter.read = criteria.read;
    if (criteria.followUp !== undefined) filter.followUp = criteria.followUp;
    return this.findPage(clinicId, filter, query, { receivedAt: -1, _id: 1 });
  }

  /** How many replies no one has read yet (the navigation's badge). */
  unread(clinicId: string): Promise<number> {
    return this.count(clinicId, { read: false });
  }

  /** Staff's marks on a reply (read, follow-up); null when the clinic has no such reply. */
  mark(clinicId: string, id: string, fields: Partial<ReplyDocument>): Promise<ReplyDocument | null> {
    return this.updateById(clinicId, id, { $set: fields });
  }
  /**
   * The clinic's replies from a patient: matched to them, answering one of these messages, about one of these
   * appointments, or sent from one of their addresses (a reply nobody matched). Oldest first.
   */
  about(
    clinicId: string,
    patient: { id: string; addresses: readonly string[] },
    deliveryIds: readonly string[],
    appointmentIds: readonly string[],
  ): Promise<ReplyDocument[]> {
    const filter: Filter<ReplyDocument> = {
      $or: [
        { patientId: patient.id },
        { deliveryId: { $in: [...deliveryIds] } },
        { appointmentId: { $in: [...appointmentIds] } },
        { from: { $in: [...patient.addresses] } },
      ],
    };
    return this.findMany(clinicId, filter, { receivedAt: 1, _id: 1 });
  }

  /** Deletes these replies of the clinic (a patient's erasure); answers how many. */
  async deleteMany(clinicId: string, ids: readonly string[]): Promise<number> {
    let deleted = 0;
    for (const chunk of inWriteChunks(ids)) {
      deleted += (await this.collection.deleteMany(this.scope(clinicId, { _id: { $in: chunk } })))
        .deletedCount;
    }
    return deleted;
  }

  /** Ids of the clinic's replies received before `cutoff` that still hold their texts (the retention's). */
  async idsWithContentBefore(clinicId: string, cutoff: Date): Promise<string[]> {
    const found = await this.collection
      .find(this.scope(clinicId, { receivedAt: { $lt: cutoff }, contentRemovedAt: { $exists: false } }), {
        projection: { _id: 1 },
      })
      .toArray();
    return found.map((reply) => reply._id);
  }

  /**
   * Removes the texts, the sender's address and name from these replies, keeping channel, meaning, outcome
   * and dates; one already emptied is left alone. Answers how many changed. Chunks of 99 (FerretDB).
   */
  async removeContent(clinicId: string, ids: readonly string[], at: Date): Promise<number> {
    let changed = 0;
    for (const chunk of inWriteChunks(ids)) {
      const result = await this.collection.updateMany(
        this.scope(clinicId, { _id: { $in: chunk }, contentRemovedAt: { $exists: false } }),
        { $set: { text: '', from: '', patientName: null, questionText: null, contentRemovedAt: at } },
      );
      changed += result.modifiedCount;
    }
    return changed;
  }
}
