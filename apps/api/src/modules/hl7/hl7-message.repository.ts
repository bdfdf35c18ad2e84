import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Hl7Outcome } from '@clinicflow/contract';
import { randomUUID } from 'node:crypto';
import { Db } from 'mongodb';
import { inWriteChunks } from '../../database/duplicate-key';
import { SQL_PUSHDOWN } from '../../database/pushdown';
import { ClinicDocument, ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';

/** One HL7 message a clinic's PMS sent, as its log shows it. */
export interface Hl7MessageDocument extends ClinicDocument {
  receivedAt: Date;
  controlId: string;
  type: string;
  outcome: Hl7Outcome;
  reason: string | null;
  eventType: string | null;
  /** The message's text, kept for a refused one only (the clinic sees what came); null for the others. */
  text: string | null;
}

/** How many entries the log shows. */
export const HL7_LOG_SIZE = 50;

/** `hl7_messages`: the clinics' HL7 log, newest first. */
@Injectable()
export class Hl7MessageRepository extends ClinicScopedRepository<Hl7MessageDocument> implements OnModuleInit {
  constructor(db: Db) {
    super(db, 'hl7_messages');
  }

  onModuleInit() {
    return this.ensureIndexes([{ key: { clinicId: 1, receivedAt: -1 } }]);
  }

  async add(clinicId: string, entry: Omit<Hl7MessageDocument, 'clinicId' | '_id'>): Promise<void> {
    await this.insert(clinicId, { _id: `hl7m_${randomUUID()}`, ...entry });
  }

  latest(clinicId: string): Promise<Hl7MessageDocument[]> {
    return this.collection
      .find(this.scope(clinicId), SQL_PUSHDOWN)
      .sort({ receivedAt: -1 })
      .limit(HL7_LOG_SIZE)
      .toArray() as Promise<Hl7MessageDocument[]>;
  }

  /** Empties the texts of the clinic's refused messages received before `cutoff` (the clinic's retention). */
  async removeContentBefore(clinicId: string, cutoff: Date): Promise<number> {
    const kept = await this.collection
      .find(this.scope(clinicId, { receivedAt: { $lt: cutoff }, text: { $ne: null } }), {
        projection: { _id: 1 },
      })
      .toArray();
    // by _id in chunks: an update touching 100 documents or more never answers on our FerretDB (docs/database.md)
    for (const chunk of inWriteChunks(kept.map((entry) => entry._id))) {
      await this.collection.updateMany({ _id: { $in: chunk } }, { $set: { text: null } });
    }
    return kept.length;
  }
}
