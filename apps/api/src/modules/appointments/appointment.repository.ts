import { Injectable, OnModuleInit } from '@nestjs/common';
import { Db, type Filter } from 'mongodb';
import {
  ClinicDocument,
  ClinicScopedRepository,
  type Page,
  type PageQuery,
} from '../../tenancy/clinic-scoped.repository';
import type { AppointmentStatus, EventType } from '../events/event.dto';

export interface AppointmentDocument extends ClinicDocument {
  externalId: string;
  start: Date | null;
  end: Date | null;
  /** The clinic-local day of `start` (yyyy-MM-dd), stored so "appointments of a day" needs no date math. */
  localDay: string | null;
  status: AppointmentStatus;
  /** What the patient answered to a confirmation request (absent until a run asks or records it). */
  confirmation?: 'pending' | 'confirmed' | 'declined';
  /** Who cancelled it, when the patient did on their page (docs/patient-links.md); the PMS is told. */
  cancelledBy?: 'patient';
  source: string | null;
  notes: string | null;
  /** The recall interval the PMS gave this appointment (F7), before its service's. */
  recallMonths?: number | null;
  patientId: string | null;
  serviceId: string | null;
  resourceId: string | null;
  locationId: string | null;
  /** References the PMS named but the clinic did not know: placeholders were made; the report flags them. */
  unknownReferences: ('service' | 'resource' | 'location')[];
  /** The last event applied and when it happened, so a late older event does not undo a newer one. */
  lastEventType: EventType;
  lastEventAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

/** Which appointments a list or a batch is about (every criterion given must hold). */
export interface AppointmentCriteria {
  /** Clinic-local days (yyyy-MM-dd), inclusive. */
  fromDay?: string;
  toDay?: string;
  statuses?: readonly AppointmentStatus[];
  patientId?: string;
  serviceId?: string;
  resourceId?: string;
}

/** Statuses of an appointment still to come. */
const UPCOMING: AppointmentStatus[] = ['booked', 'confirmed'];

/** The clinics' appointments (`appointments`), `_id` derived from the PMS's id. */
@Injectable()
export class AppointmentRepository
  extends ClinicScopedRepository<AppointmentDocument>
  implements OnModuleInit
{
  constructor(db: Db) {
    super(db, 'appointments');
  }

  onModuleInit() {
    return this.ensureIndexes([{ key: { clinicId: 1, localDay: 1 } }]);
  }

  /** Stores a new appointment unless one of its `_id` exists: true when this call stored it. */
  create(clinicId: string, appointment: Omit<AppointmentDocument, 'clinicId'>): Promise<boolean> {
    return this.insertOnce(clinicId, appointment);
  }

  /** Sets fields of an appointment just read. */
  async change(appointment: AppointmentDocument, fields: Partial<AppointmentDocument>): Promise<void> {
    await this.updateRead(appointment, { $set: fields });
  }

  /** Deletes a patient's appointments (the patient's erasure, docs/privacy.md); answers how many. */
  async deleteOfPatient(clinicId: string, patientId: string): Promise<number> {
    return (await this.collection.deleteMany(this.scope(clinicId, { patientId }))).deletedCount;
  }

  /** The appointments that meet the criteria, in start order. */
  matching(clinicId: string, criteria: AppointmentCriteria): Promise<AppointmentDocument[]> {
    return this.findMany(clinicId, filterOf(criteria), { start: 1, _id: 1 });
  }

  /** A page of the appointments that meet the criteria, in start order. */
  page(
    clinicId: string,
    criteria: AppointmentCriteria,
    query: PageQuery,
  ): Promise<Page<AppointmentDocument>> {
    return this.findPage(clinicId, filterOf(criteria), query, { start: 1, _id: 1 });
  }

  /** The first appointment still to come after `now` (booked or confirmed) of each of these patients. */
  async nextOfPatients(
    clinicId: string,
    patientIds: readonly string[],
    now: Date,
  ): Promise<AppointmentDocument[]> {
    const upcoming = await this.findMany(
      clinicId,
      { patientId: { $in: [...patientIds] }, start: { $gt: now }, status: { $in: UPCOMING } },
      { start: 1, _id: 1 },
    );
    const first = new Map<string, AppointmentDocument>();
    for (const appointment of upcoming) {
      if (appointment.patientId && !first.has(appointment.patientId))
        first.set(appointment.patientId, appointment);
    }
    return [...first.values()];
  }

  /** A patient's appointments still to come after `now` (booked or confirmed), in start order. */
  upcomingOfPatient(clinicId: string, patientId: string, now: Date): Promise<AppointmentDocument[]> {
    return this.findMany(
      clinicId,
      { patientId, start: { $gt: now }, status: { $in: UPCOMING } },
      { start: 1 },
    );
  }
}

function filterOf(criteria: AppointmentCriteria): Filter<AppointmentDocument> {
  const filter: Filter<AppointmentDocument> = {};
  if (criteria.fromDay && criteria.toDay && criteria.fromDay === criteria.toDay) {
    filter.localDay = criteria.fromDay;
  } else if (criteria.fromDay || criteria.toDay) {
    filter.localDay = {
      ...(criteria.fromDay ? { $gte: criteria.fromDay } : {}),
      ...(criteria.toDay ? { $lte: criteria.toDay } : {}),
    };
  }
  if (criteria.statuses) {
    filter.status = criteria.statuses.length === 1 ? criteria.statuses[0] : { $in: [...criteria.statuses] };
  }
  if (criteria.patientId) filter.patientId = criteria.patientId;
  if (criteria.serviceId) filter.serviceId = criteria.serviceId;
  if (criteria.resourceId) filter.resourceId = criteria.resourceId;
  return filter;
}
