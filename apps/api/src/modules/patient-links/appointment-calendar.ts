import type { CalendarAppointment } from '@clinicflow/channels';
import type { DeliveryDocument } from '../deliveries/delivery.document';
import type { SettingsDocument } from '../settings/settings.repository';

/** The epoch of calendar sequences: twice the seconds since then stay under 2^31 (RFC 5545's INTEGER) until 2054. */
const SEQUENCE_EPOCH = Date.UTC(2020, 0, 1);

/** The appointment as it stands when its file is written (a page reads it again; an e-mail takes its message's). */
export interface CalendarMoment {
  start: Date;
  end: Date | null;
  cancelled: boolean;
  /**
   * When the PMS last changed the appointment: a later change gets a higher SEQUENCE, so a calendar keeps the
   * newest file; a cancel the patient made on their page (no PMS event) still comes after its invitation.
   */
  at: Date;
}

const textOf = (data: Record<string, unknown> | undefined, field: string): string | null => {
  const value = data?.[field];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
};

/** What a message's data says of its appointment, as the page and the calendar show it (absent parts null). */
export interface AppointmentFacts {
  service: string | null;
  practitioner: string | null;
  /** The site's name and address. */
  place: string | null;
  /** What to bring or know: the service's prerequisites, the site's notes. */
  preparation: string[];
}

/** The appointment's facts from a message's template data (as it was planned). */
export function appointmentFactsOf(delivery: DeliveryDocument): AppointmentFacts {
  const data = delivery.templateData as Record<string, Record<string, unknown> | undefined>;
  const place = [textOf(data.location, 'name'), textOf(data.location, 'address')].filter(Boolean).join(', ');
  return {
    service: textOf(data.service, 'name'),
    practitioner: textOf(data.resource, 'name'),
    place: place || null,
    preparation: [textOf(data.service, 'prerequisites'), textOf(data.location, 'notes')].filter(
      (note): note is string => note !== null,
    ),
  };
}

/**
 * What the patient's calendar shows of the appointment a message is about (docs/patient-links.md): one UID
 * per appointment, the service and practitioner as its title, the site as its place, in the clinic's zone.
 */
export function calendarAppointmentOf(
  delivery: DeliveryDocument,
  settings: SettingsDocument,
  moment: CalendarMoment,
  stamp: Date,
): CalendarAppointment {
  const data = delivery.templateData as Record<string, Record<string, unknown> | undefined>;
  const { service, practitioner, place, preparation: notes } = appointmentFactsOf(delivery);
  const title = [service, practitioner].filter(Boolean).join(', ');
  const from = settings.senders.emailFromAddress;
  return {
    uid: `${delivery.appointmentId}@clinicflow`,
    sequence:
      2 * Math.max(0, Math.floor((moment.at.getTime() - SEQUENCE_EPOCH) / 1000)) + (moment.cancelled ? 1 : 0),
    start: moment.start,
    // an appointment the PMS gave no end lasts the service's duration, else half an hour
    end: moment.end ?? new Date(moment.start.getTime() + durationMinutes(data.service) * 60_000),
    timeZone: settings.timeZone,
    summary: title ? `${title} (${settings.name})` : settings.name,
    ...(place ? { location: place } : {}),
    ...(notes.length > 0 ? { description: notes.join('\n') } : {}),
    ...(from ? { organizer: { name: settings.senders.emailFromName ?? settings.name, email: from } } : {}),
    ...(delivery.channel === 'email' && delivery.recipient.address
      ? { attendee: delivery.recipient.address }
      : {}),
    cancelled: moment.cancelled,
    stamp,
  };
}

/** The appointment of a message as the message was written (its template data). */
export function plannedMoment(delivery: DeliveryDocument): CalendarMoment | null {
  const appointment = delivery.templateData?.appointment as Record<string, unknown> | undefined;
  const start = new Date(String(appointment?.start));
  if (Number.isNaN(start.getTime())) return null;
  const end = new Date(String(appointment?.end));
  return {
    start,
    end: Number.isNaN(end.getTime()) ? null : end,
    cancelled: appointment?.status === 'cancelled',
    // messages planned before the PMS's time was kept take the time they were planned
    at: new Date(String(appointment?.changedAt ?? delivery.createdAt.toISOString())),
  };
}

function durationMinutes(service: Record<string, unknown> | undefined): number {
  const minutes = service?.duration;
  return typeof minutes === 'number' && minutes > 0 ? minutes : 30;
}
