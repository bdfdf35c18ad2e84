import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error';
import { clinicDay } from '../../common/clinic-day';
import { ClockRepository } from '../../common/clock.repository';
import { externalDocumentId } from '../../common/ids';
import type { AppointmentStatus, EventType, PmsEvent } from '../events/event.dto';
import { EventService } from '../events/event.service';
import type { AppointmentListQuery } from './appointment.dto';
import {
  AppointmentDocument,
  AppointmentRepository,
  type AppointmentCriteria,
} from './appointment.repository';

/** The status an appointment has after an event of this type. */
const STATUS_AFTER: Partial<Record<EventType, AppointmentStatus>> = {
  'appointment.booked': 'booked',
  'appointment.rescheduled': 'booked',
  'appointment.confirmed': 'confirmed',
  'appointment.cancelled': 'cancelled',
  'appointment.attended': 'attended',
  'appointment.no_show': 'no_show',
};

export interface AppointmentReferences {
  patientId: string | null;
  serviceId: string | null;
  resourceId: string | null;
  locationId: string | null;
  unknownReferences: AppointmentDocument['unknownReferences'];
}

export function toAppointmentView(appointment: AppointmentDocument) {
  const { _id, clinicId: _clinicId, createdAt: _c, ...rest } = appointment;
  return { id: _id, ...rest };
}

@Injectable()
export class AppointmentService {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly events: EventService,
    private readonly clock: ClockRepository,
  ) {}

  idFor(clinicId: string, externalId: string) {
    return externalDocumentId('apt', clinicId, externalId);
  }

  /**
   * Writes what an appointment event says. An event older than the last one applied is kept in the history
   * (the events collection) but does not change the appointment, so events that arrive out of order converge.
   */
  async applyEvent(clinicId: string, event: PmsEvent, references: AppointmentReferences, timeZone: string) {
    const input = event.appointment!;
    const id = this.idFor(clinicId, input.externalId);
    const occurredAt = new Date(event.occurredAt);
    const now = this.clock.now();
    const start = input.start ? new Date(input.start) : undefined;
    const fields: Partial<AppointmentDocument> = {
      status: input.status && event.type === 'appointment.booked' ? input.status : STATUS_AFTER[event.type],
      lastEventType: event.type,
      lastEventAt: occurredAt,
      updatedAt: now,
      ...(start ? { start, localDay: clinicDay(start, timeZone) } : {}),
      ...(input.end ? { end: new Date(input.end) } : {}),
      ...(input.source ? { source: input.source } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      ...(input.recallMonths !== undefined ? { recallMonths: input.recallMonths } : {}),
      ...definedReferences(references),
    };
    // A booking is usually of a new appointment: try the insert first and read only when it exists.
    const existing =
      event.type === 'appointment.booked' ? null : await this.appointments.findById(clinicId, id);
    if (!existing) {
      const created = {
        _id: id,
        externalId: input.externalId,
        start: null,
        end: null,
        localDay: null,
        source: null,
        notes: null,
        createdAt: now,
        ...references,
        ...fields,
      } as Omit<AppointmentDocument, 'clinicId'>;
      if (await this.appointments.create(clinicId, created))
        return { ...created, clinicId } as AppointmentDocument;
    }
    const current = existing ?? (await this.appointments.findById(clinicId, id));
    if (!current) return null;
    if (current.lastEventAt > occurredAt) return current;
    await this.appointments.change(current, fields);
    return { ...current, ...fields };
  }

  /**
   * What a patient's answer (or a flow's step) says of an appointment: its confirmation, and a booked
   * appointment becomes confirmed. Answers the appointment as it is now.
   */
  async recordConfirmation(
    appointment: AppointmentDocument,
    confirmation: NonNullable<AppointmentDocument['confirmation']>,
    now: Date,
  ): Promise<AppointmentDocument> {
    const fields: Partial<AppointmentDocument> = {
      confirmation,
      ...(confirmation === 'confirmed' && appointment.status === 'booked' ? { status: 'confirmed' } : {}),
      updatedAt: now,
    };
    await this.appointments.change(appointment, fields);
    return { ...appointment, ...fields };
  }

  /** The patient cancelled it on their page: cancelled and declined, until the PMS says otherwise. */
  async recordPatientCancel(appointment: AppointmentDocument, now: Date): Promise<AppointmentDocument> {
    const fields: Partial<AppointmentDocument> = {
      status: 'cancelled',
      confirmation: 'declined',
      cancelledBy: 'patient',
      updatedAt: now,
    };
    await this.appointments.change(appointment, fields);
    return { ...appointment, ...fields };
  }

  async list(clinicId: string, query: AppointmentListQuery) {
    const criteria: AppointmentCriteria = {
      fromDay: query.day,
      toDay: query.day,
      resourceId: query.resourceId,
      patientId: query.patientId,
      statuses: query.status ? [query.status] : undefined,
    };
    const page = await this.appointments.page(clinicId, criteria, query);
    return { ...page, items: page.items.map(toAppointmentView) };
  }

  /**
   * Each patient's next visit (the first booked or confirmed appointment still to come), to tell namesakes
   * apart in a search; a patient without one is left out.
   */
  async nextVisits(clinicId: string, patientIds: readonly string[]) {
    const next = await this.appointments.nextOfPatients(clinicId, patientIds, this.clock.now());
    return {
      items: next.map((appointment) => ({
        patientId: appointment.patientId!,
        appointment: toAppointmentView(appointment),
      })),
    };
  }

  /** An appointment with its history: every event that touched it, in the order they happened. */
  async get(clinicId: string, id: string) {
    const appointment = await this.appointments.findById(clinicId, id);
    if (!appointment) throw AppError.notFound(`No appointment ${id}`);
    return { ...toAppointmentView(appointment), history: await this.events.history(clinicId, id) };
  }

  /** An appointment as stored, or null when the clinic has none of that id. */
  find(clinicId: string, id: string): Promise<AppointmentDocument | null> {
    return this.appointments.findById(clinicId, id);
  }

  /** Appointments by id (those of another clinic are left out). */
  findByIds(clinicId: string, ids: readonly string[]): Promise<AppointmentDocument[]> {
    return this.appointments.findByIds(clinicId, ids);
  }

  /**
   * Erases a patient's appointments and the events about them or about the patient (docs/privacy.md); answers
   * the appointments' ids (their messages are emptied by their owner) and how many of each were removed.
   */
  async eraseOfPatient(clinicId: string, patientId: string) {
    const ids = (await this.appointments.matching(clinicId, { patientId })).map((a) => a._id);
    const events = await this.events.eraseAbout(clinicId, patientId, ids);
    const appointments = await this.appointments.deleteOfPatient(clinicId, patientId);
    return { ids, appointments, events };
  }

  /** The appointments that meet the criteria, in start order. */
  matching(clinicId: string, criteria: AppointmentCriteria): Promise<AppointmentDocument[]> {
    return this.appointments.matching(clinicId, criteria);
  }

  /** When the patient's next appointment after `now` starts (another than `except`), or null. */
  async nextStart(
    clinicId: string,
    patientId: string,
    except: string | null,
    now: Date,
  ): Promise<Date | null> {
    const upcoming = await this.appointments.upcomingOfPatient(clinicId, patientId, now);
    return upcoming.find((a) => a._id !== except)?.start ?? null;
  }
}

/** References given by the event; those it does not name keep their stored value. */
function definedReferences(references: AppointmentReferences): Partial<AppointmentDocument> {
  const { unknownReferences, ...ids } = references;
  const named = Object.entries(ids).filter(([, value]) => value !== null);
  const namesAReference = named.some(([key]) => key !== 'patientId');
  return Object.fromEntries([
    ...named,
    ...(namesAReference ? [['unknownReferences', unknownReferences]] : []),
  ]);
}
