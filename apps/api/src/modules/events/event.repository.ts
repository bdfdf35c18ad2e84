import { Injectable, OnModuleInit } from '@nestjs/common';
import { Db, type Filter } from 'mongodb';
import { inWriteChunks } from '../../database/duplicate-key';
import {
  ClinicDocument,
  ClinicScopedRepository,
  type Page,
  type PageQuery,
} from '../../tenancy/clinic-scoped.repository';
import type { EventType, PmsEvent } from './event.dto';

/**
 * What staff asked for when they ran a flow for a patient (the `manual` trigger, B1): recorded as it was asked,
 * never applied to an appointment.
 */
export interface ManualEventPayload {
  id: string;
  type: 'manual';
  occurredAt: string;
  requestId: string;
  /** Who asked (a user's e-mail). */
  by: string;
  minutes?: never;
  absence?: never;
}

/**
 * A new patient (the `patient.created` trigger, B1), recorded by the intake like a PMS event: once per
 * patient, its id derived from the patient's.
 */
export interface PatientCreatedPayload {
  id: string;
  type: 'patient.created';
  occurredAt: string;
  patient: { id: string; externalId: string | null };
  minutes?: never;
  absence?: never;
}

/**
 * The time trigger "every day at HH:mm" firing (F10): recorded once per clinic, clinic-local day and time of
 * day (its id says which, so two processes firing it store one), never applied to an appointment.
 */
export interface DailyEventPayload {
  id: string;
  type: 'schedule.daily';
  occurredAt: string;
  /** The clinic-local day it fired on ("yyyy-MM-dd") and the time of day ("HH:mm"). */
  day: string;
  dailyAt: string;
  minutes?: never;
  absence?: never;
}

/**
 * An event as received. `_id` is derived from the clinic and the PMS's event id, so the same event posted
 * twice, even at the same instant, is stored once: the second insert gets a duplicate-key error.
 */
export interface EventDocument extends ClinicDocument {
  eventId: string;
  type: EventType | ManualEventPayload['type'] | PatientCreatedPayload['type'] | DailyEventPayload['type'];
  occurredAt: Date;
  receivedAt: Date;
  payload: PmsEvent | ManualEventPayload | PatientCreatedPayload | DailyEventPayload;
  /** The one flow a `manual` event runs (absent on every other event). */
  flowId?: string;
  appointmentId: string | null;
  patientId: string | null;
  resourceId: string | null;
  /**
   * For the engine: `done` once turned into runs; `applied` once written to the appointment and patient (the
   * crash-recovery sweep applies an event again only when it was not).
   */
  engine: { status: 'pending' | 'done'; applied?: boolean };
}

/** The events received from the PMS, and those the engine raises itself (`events`). */
@Injectable()
export class EventRepository extends ClinicScopedRepository<EventDocument> implements OnModuleInit {
  constructor(db: Db) {
    super(db, 'events');
  }

  onModuleInit() {
    return this.ensureIndexes([{ key: { clinicId: 1, appointmentId: 1 } }]);
  }

  /** Stores an event unless one of its `_id` exists: true when this call stored it. */
  add(clinicId: string, event: Omit<EventDocument, 'clinicId'>): Promise<boolean> {
    return this.insertOnce(clinicId, event);
  }

  /** Stores many, unordered; answers the positions of those that existed already. */
  addMany(clinicId: string, events: Omit<EventDocument, 'clinicId'>[]): Promise<Set<number>> {
    return this.insertMany(clinicId, events);
  }

  /** A page of the clinic's events, newest first, of one appointment and of one type when given. */
  page(
    clinicId: string,
    criteria: { appointmentId?: string; type?: EventType },
    query: PageQuery,
  ): Promise<Page<EventDocument>> {
    const filter: Filter<EventDocument> = {};
    if (criteria.appointmentId) filter.appointmentId = criteria.appointmentId;
    if (criteria.type) filter.type = criteria.type;
    return this.findPage(clinicId, filter, query, { occurredAt: -1, _id: 1 });
  }

  /** Every event of an appointment, in the order they happened. */
  ofAppointment(clinicId: string, appointmentId: string): Promise<EventDocument[]> {
    return this.findMany(clinicId, { appointmentId }, { occurredAt: 1, receivedAt: 1 });
  }

  /** The ids of the clinic's events about a patient or about any of these appointments. */
  async idsAbout(clinicId: string, patientId: string, appointmentIds: readonly string[]): Promise<string[]> {
    const found = await this.collection
      .find(this.scope(clinicId, { $or: [{ patientId }, { appointmentId: { $in: [...appointmentIds] } }] }), {
        projection: { _id: 1 },
      })
      .toArray();
    return found.map((event) => event._id);
  }

  /** Deletes these events of the clinic (a patient's erasure); answers how many. */
  async deleteMany(clinicId: string, ids: readonly string[]): Promise<number> {
    let deleted = 0;
    for (const chunk of inWriteChunks(ids)) {
      deleted += (await this.collection.deleteMany(this.scope(clinicId, { _id: { $in: chunk } })))
        .deletedCount;
    }
    return deleted;
  }

  /** The event was written to its appointment and patient (the sweep need not apply it again). */
  async markApplied(clinicId: string, id: string): Promise<void> {
    await this.updateById(clinicId, id, { $set: { 'engine.applied': true } });
  }

  /** Records how far the engine got with an event just read. */
  async setEngineState(event: EventDocument, engine: EventDocument['engine']): Promise<void> {
    await this.updateRead(event, { $set: { engine } });
  }
}

/** An event as answered: the PMS's id as `id`. */
export function toEventView(event: EventDocument) {
  const { _id, clinicId: _clinicId, eventId, ...rest } = event;
  return { id: eventId, ...rest };
}
