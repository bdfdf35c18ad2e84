import { Injectable } from '@nestjs/common';
import { Db } from 'mongodb';
import { ClinicDocument, ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';

/**
 * What a patient's link opens (docs/patient-links.md): the appointment's page with this button first,
 * (`calendar`) the appointment's calendar file, or the patient's preferences.
 */
export type PageLinkKind = 'confirm' | 'cancel' | 'reschedule' | 'calendar' | 'preferences';

/**
 * One short link of a message (`/p/<_id>`): the token is the id, derived from the delivery and the kind
 * (`pageTokenOf`), so writing a message twice stores it once. It names the delivery and nothing about the
 * patient; it opens until `expiresAt`.
 */
export interface PatientLinkDocument extends ClinicDocument {
  deliveryId: string;
  kind: PageLinkKind;
  createdAt: Date;
  expiresAt: Date;
}

/** `patient_links`: the short links of the patient's messages, read by token from the patient's page. */
@Injectable()
export class PatientLinkRepository extends ClinicScopedRepository<PatientLinkDocument> {
  constructor(db: Db) {
    super(db, 'patient_links');
  }

  /** Stores a message's links; those already there (the message written again) are left as they are. */
  async keep(links: readonly PatientLinkDocument[]): Promise<void> {
    for (const { clinicId, ...link } of links) await this.insertOnce(clinicId, link);
  }

  /** The link of a token, whatever its clinic: the token is the patient's only key (no account). */
  async findAnyByToken(token: string): Promise<PatientLinkDocument | null> {
    const found = await this.collection.findOne(this.byId(token));
    return found && this.fromStored(found);
  }
}
