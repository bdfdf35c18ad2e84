import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';

/** An appointment as a calendar shows it (issue 20, part 3). */
export interface CalendarAppointment {
  /** The same for every file of one appointment, so a calendar updates its event instead of adding one. */
  uid: string;
  /** Higher in each newer file of the appointment: a calendar keeps the file with the highest. */
  sequence: number;
  start: Date;
  end: Date;
  /** The clinic's IANA zone: the event is written in it (TZID, with its VTIMEZONE). */
  timeZone: string;
  summary: string;
  location?: string;
  description?: string;
  /** The clinic, as the e-mail's sender: an invitation names who sends it. */
  organizer?: { name: string; email: string };
  /** The patient's address, when the file goes in an e-mail to them. */
  attendee?: string;
  cancelled: boolean;
  /** When the file is written (DTSTAMP). */
  stamp: Date;
}

/** An iCalendar file: `request` adds or updates the event, `cancel` removes it (RFC 5546's methods). */
export interface CalendarFile {
  method: 'request' | 'cancel';
  content: string;
}

/**
 * The appointment as an iCalendar file (RFC 5545) made with ical-generator: in the clinic's zone, a cancelled
 * appointment as a CANCEL of the same UID. The sequence decides which file wins in the patient's calendar.
 */
export function appointmentCalendar(appointment: CalendarAppointment): CalendarFile {
  const method = appointment.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  const zone = appointment.timeZone;
  const calendar = ical({
    method,
    prodId: { company: 'clinicflow', product: 'appointments', language: 'EN' },
  });
  calendar.timezone({ name: zone, generator: getVtimezoneComponent });
  calendar.createEvent({
    id: appointment.uid,
    sequence: appointment.sequence,
    stamp: appointment.stamp,
    start: DateTime.fromJSDate(appointment.start, { zone }),
    end: DateTime.fromJSDate(appointment.end, { zone }),
    timezone: zone,
    summary: appointment.summary,
    ...(appointment.location ? { location: appointment.location } : {}),
    ...(appointment.description ? { description: appointment.description } : {}),
    ...(appointment.organizer ? { organizer: appointment.organizer } : {}),
    ...(appointment.attendee ? { attendees: [{ email: appointment.attendee, rsvp: false }] } : {}),
    status: appointment.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  // ical-generator writes DTSTAMP in the calendar's zone, without "Z"; RFC 5545 wants it in UTC.
  const stamp = DateTime.fromJSDate(appointment.stamp, { zone: 'utc' }).toFormat("yyyyLLdd'T'HHmmss'Z'");
  const content = calendar.toString().replace(/^DTSTAMP:.*$/m, `DTSTAMP:${stamp}`);
  return { method: appointment.cancelled ? 'cancel' : 'request', content };
}
