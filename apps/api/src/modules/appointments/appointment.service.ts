import { Injectable, NotFoundException } from '@nestjs/common';
import type { Filter } from 'mongodb';
import { ClockRepository } from '../../common/clock.repository';
import { externalDocumentId, isDuplicateKeyError } from '../../common/ids';
import type { AppointmentStatus, EventType, PmsEvent } from '../events/event.dto';
import { EventRepository, toEventView } from '../events/event.repository';
import type { AppointmentListQuery } from './appointment.dto';
import { AppointmentDocument, AppointmentRepository } from './appointment.repository';
import { clinicDay } from '../../common/clinic-day';

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
    private readonly events: EventRepository,
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
      ...definedReferences(references),
    };
    // A booking is usually of a new appointment: try the insert first and read only when it exists.
    const existing =
      event.type === 'appointment.booked' ? null : await this.appointments.findById(clinicId, id);
    if (!existing) {
      try {
        return await this.appointments.insert(clinicId, {
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
        } as Omit<AppointmentDocument, 'clinicId'>);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    const current = existing ?? (await this.appointments.findById(clinicId, id));
    if (!current) return null;
    if (current.lastEventAt > occurredAt) return current;
    await this.appointments.updateRead(current, { $set: fields });
    return { ...current, ...fields };
  }

  async list(clinicId: string, query: AppointmentListQuery) {
    const filter: Filter<AppointmentDocument> = {};
    if (query.day) filter.localDay = query.day;
    if (query.resourceId) filter.resourceId = query.resourceId;
    if (query.patientId) filter.patientId = query.patientId;
    if (query.status) filter.status = query.status;
    const page = await this.appointments.findPage(clinicId, filter, query, { start: 1, _id: 1 });
    return { ...page, items: page.items.map(toAppointmentView) };
  }

  /** An appointment with its history: every event that touched it, in the order they happened. */
  async get(clinicId: string, id: string) {
    const appointment = await this.appointments.findById(clinicId, id);
    if (!appointment) throw new NotFoundException(`No appointment ${id}`);
    const history = await this.events.findMany(
      clinicId,
      { appointmentId: id },
      { occurredAt: 1, receivedAt: 1 },
    );
    return { ...toAppointmentView(appointment), history: history.map(toEventView) };
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
