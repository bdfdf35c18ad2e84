import { Injectable } from '@nestjs/common';
import { Db, type Filter } from 'mongodb';
import {
  ClinicDocument,
  ClinicScopedRepository,
  searchPattern,
  type PageQuery,
} from '../../tenancy/clinic-scoped.repository';
import type { Channel } from '../settings/settings.dto';

/** Fields every directory entry has: the PMS's id, and whether it was made up from an event (placeholder). */
export interface DirectoryDocument extends ClinicDocument {
  externalId: string | null;
  name: string;
  /** Created from an event that named an unknown external id: the report flags it until someone completes it. */
  placeholder: boolean;
  searchText: string;
  createdAt: Date;
  updatedAt: Date;
  [field: string]: unknown;
}

export interface ConsentRecord {
  granted: boolean;
  purposes: string[];
  source: string;
  at: Date;
  /** The address the decision was sent from, when the patient made it on their preferences page (evidence). */
  address?: string;
}

export interface PatientDocument extends DirectoryDocument {
  firstName: string;
  lastName: string;
  mobile: string | null;
  /** The number as the PMS sent it when it could not be normalised, with the reason. */
  mobileProblem: { raw: string; reason: string } | null;
  email: string | null;
  language: string | null;
  /** The groups the PMS puts the patient in (batch sends, F11). */
  groups?: string[];
  /** `yyyy-MM-dd`, from the PMS or the editor (the patient-age condition). */
  birthDate?: string | null;
  consent: Partial<Record<Channel, ConsentRecord>>;
  consentHistory: (ConsentRecord & { channel: Channel })[];
  attendance: { attended: number; noShows: number; lastVisitAt: Date | null };
  /**
   * When the patient last wrote to the clinic on WhatsApp: for 24 hours after it, a message to them may be any
   * text, else only an approved template (docs/whatsapp.md). Absent until they write.
   */
  whatsappMessageAt?: Date;
}

/**
 * What every directory collection offers (patients, services, resources, locations): creation, changes of an
 * entry just read, and pages of a search. `_id`s of entries the PMS names are deterministic (`directory-ids.ts`),
 * so creating one twice is refused by the database, which decides concurrent upserts.
 */
abstract class DirectoryRepository<T extends DirectoryDocument> extends ClinicScopedRepository<T> {
  async create(clinicId: string, entry: Omit<T, 'clinicId'>): Promise<T> {
    return this.insert(clinicId, entry);
  }

  /** Creates the entry unless one with its `_id` exists: true when this call created it. */
  createOnce(clinicId: string, entry: Omit<T, 'clinicId'>): Promise<boolean> {
    return this.insertOnce(clinicId, entry);
  }

  /** Sets fields of an entry just read through this repository, and appends to its lists when told. */
  async change(entry: T, fields: Partial<T>, appended: Record<string, unknown[]> = {}): Promise<void> {
    const lists = Object.entries(appended).filter(([, items]) => items.length > 0);
    await this.updateRead(entry, {
      $set: fields,
      ...(lists.length
        ? { $push: Object.fromEntries(lists.map(([field, items]) => [field, { $each: items }])) }
        : {}),
    });
  }

  /** A page of the clinic's entries whose search text holds `search` (blind to case and accents), or all. */
  page(clinicId: string, search: string | undefined, query: PageQuery, sort: Record<string, 1 | -1>) {
    const filter = (search ? { searchText: searchPattern(search.toLowerCase()) } : {}) as Filter<T>;
    return this.findPage(clinicId, filter, query, sort);
  }
}

/** The clinics' patients (`patients`): contact, consent with its evidence, attendance. */
@Injectable()
export class PatientRepository extends DirectoryRepository<PatientDocument> {
  constructor(db: Db) {
    super(db, 'patients');
  }

  /** The patients with this mobile number (E.164). */
  withMobile(clinicId: string, mobile: string): Promise<PatientDocument[]> {
    return this.findMany(clinicId, { mobile });
  }

  /** Every patient of the clinic, by name (a batch send to all patients with a valid contact, F11). */
  everyPatient(clinicId: string): Promise<PatientDocument[]> {
    return this.findMany(clinicId, { placeholder: { $ne: true } }, { lastName: 1, firstName: 1, _id: 1 });
  }

  /** How many patients the clinic has. */
  countAll(clinicId: string): Promise<number> {
    return this.count(clinicId);
  }

  /** Deletes a patient of the clinic (the patient's erasure): true when this call deleted it. */
  remove(clinicId: string, id: string): Promise<boolean> {
    return this.deleteById(clinicId, id);
  }

  /** How many of the clinic's patients have consent in force on this channel. */
  countConsenting(clinicId: string, channel: Channel): Promise<number> {
    return this.count(clinicId, { [`consent.${channel}.granted`]: true });
  }

  /** Records a consent decision of one channel, with its evidence kept in the history. */
  async setConsent(
    patient: PatientDocument,
    channel: Channel,
    record: ConsentRecord,
    at: Date,
  ): Promise<void> {
    await this.updateRead(patient, {
      $set: { [`consent.${channel}`]: record, updatedAt: at },
      $push: { consentHistory: { channel, ...record } },
    });
  }

  /** Keeps the latest time the patient wrote on WhatsApp (`$max`: an older message arriving late changes nothing). */
  async noteWhatsappMessage(clinicId: string, id: string, at: Date): Promise<void> {
    await this.collection.updateOne(this.scope(clinicId, { _id: id }), { $max: { whatsappMessageAt: at } });
  }

  /**
   * Counts an attended visit or a no-show, with the event that said so in the same write (so a crash cannot
   * leave one without the other, and the event is never counted twice: see `attendanceEvents`).
   */
  async countAttendance(
    patient: PatientDocument,
    outcome: 'attended' | 'no_show',
    at: Date,
    eventId: string,
  ): Promise<void> {
    await this.updateRead(patient, {
      $inc: { [outcome === 'attended' ? 'attendance.attended' : 'attendance.noShows']: 1 },
      $push: { attendanceEvents: eventId },
      ...(outcome === 'attended' ? { $set: { 'attendance.lastVisitAt': at } } : {}),
    });
  }
}

/**
 * How many times the patient a PMS names by an external id was erased (`patient_erasures`, `_id` = the id the
 * first patient of that external id had: a hash, no personal data). The patient made after an erasure gets a
 * new id (`DirectoryEntries.idFor` with the generation), never the erased one's.
 */
export interface PatientErasureDocument extends ClinicDocument {
  generation: number;
  erasedAt: Date;
}

/** The erasures of patients by external id (`patient_erasures`), read on every patient upsert by external id. */
@Injectable()
export class PatientErasureRepository extends ClinicScopedRepository<PatientErasureDocument> {
  constructor(db: Db) {
    super(db, 'patient_erasures');
  }

  /** How many erasures the external id whose first patient had `firstId` went through (0: none). */
  async generationOf(clinicId: string, firstId: string): Promise<number> {
    return (await this.findById(clinicId, firstId))?.generation ?? 0;
  }

  /** Whether the clinic ever erased a patient (when not, no upsert needs to look its generation up). */
  async any(clinicId: string): Promise<boolean> {
    return (await this.count(clinicId)) > 0;
  }

  /** Records that the patient of generation `generation` was erased: the next one gets `generation + 1`. */
  async recordErased(clinicId: string, firstId: string, generation: number, at: Date): Promise<void> {
    const next = { _id: firstId, generation: generation + 1, erasedAt: at };
    if (await this.insertOnce(clinicId, next)) return;
    await this.updateById(clinicId, firstId, {
      $max: { generation: generation + 1 },
      $set: { erasedAt: at },
    });
  }
}

/** The clinics' services (appointment types), `services`. */
@Injectable()
export class ServiceRepository extends DirectoryRepository<DirectoryDocument> {
  constructor(db: Db) {
    super(db, 'services');
  }
}

/** The clinics' resources (practitioners, rooms, chairs), `resources`. */
@Injectable()
export class ResourceRepository extends DirectoryRepository<DirectoryDocument> {
  constructor(db: Db) {
    super(db, 'resources');
  }
}

/** The clinics' locations (sites), `locations`. */
@Injectable()
export class LocationRepository extends DirectoryRepository<DirectoryDocument> {
  constructor(db: Db) {
    super(db, 'locations');
  }
}

/** A directory repository, whatever its collection (for what all four share). */
export type AnyDirectoryRepository<T extends DirectoryDocument> = DirectoryRepository<T>;
