import { Injectable, OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Db } from 'mongodb';
import { ClinicDocument, ClinicScopedRepository } from '../../tenancy/clinic-scoped.repository';

/** A clinic's HL7 connection: which sending facility (MSH-4) is its PMS, and how its messages prove it. */
export interface Hl7ConnectionDocument extends ClinicDocument {
  /** As the clinic wrote it (shown back); facilities are matched without case (`_id`). */
  sendingFacility: string;
  /** sha256 of the MSH-8 secret, hex; the secret is shown once and never stored. Null: no secret asked. */
  secretHash: string | null;
  allowedPeers: string[];
  /** MSH-3 values whose bookings are online ones. */
  onlineApplications: string[];
  createdAt: Date;
  updatedAt: Date;
}

/**
 * `hl7_connections`, one per sending facility: the `_id` is derived from the facility alone, so two clinics
 * cannot claim the same one (the second insert fails) and a message's facility finds its clinic by `_id`.
 */
@Injectable()
export class Hl7ConnectionRepository
  extends ClinicScopedRepository<Hl7ConnectionDocument>
  implements OnModuleInit
{
  constructor(db: Db) {
    super(db, 'hl7_connections');
  }

  onModuleInit() {
    return this.ensureIndexes([{ key: { clinicId: 1 } }]);
  }

  /** The `_id` of a facility's connection: the same whatever the case the PMS writes it in. */
  static idFor(facility: string): string {
    return `hl7c_${createHash('sha256').update(facility.trim().toUpperCase()).digest('hex').slice(0, 32)}`;
  }

  /** The connection of a message's facility, before its clinic is known. */
  forFacility(facility: string): Promise<Hl7ConnectionDocument | null> {
    return this.collection.findOne({ _id: Hl7ConnectionRepository.idFor(facility) });
  }

  /** The clinic's connection (the newest, if a change of facility died half-way and left two). */
  ofClinic(clinicId: string): Promise<Hl7ConnectionDocument | null> {
    return this.findOne(clinicId, {}, { updatedAt: -1 });
  }

  /** Stores a new connection; false when another clinic (or this one) already has that facility. */
  add(clinicId: string, connection: Omit<Hl7ConnectionDocument, 'clinicId'>): Promise<boolean> {
    return this.insertOnce(clinicId, connection);
  }

  /** Changes the peers (and the secret's hash, when given) of the clinic's connection. */
  async change(
    clinicId: string,
    id: string,
    fields: Partial<
      Pick<Hl7ConnectionDocument, 'allowedPeers' | 'secretHash' | 'sendingFacility' | 'updatedAt'>
    >,
  ): Promise<Hl7ConnectionDocument | null> {
    return this.updateById(clinicId, id, { $set: fields });
  }

  /** Removes the clinic's connections but `except` (after a change of facility, or all of them). */
  async removeOfClinic(clinicId: string, except: string | null = null): Promise<void> {
    await this.collection.deleteMany(this.scope(clinicId, except ? { _id: { $ne: except } } : {}));
  }
}
