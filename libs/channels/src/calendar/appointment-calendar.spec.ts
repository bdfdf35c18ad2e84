import ICAL from 'ical.js';
import { appointmentCalendar, type CalendarAppointment } from './appointment-calendar';

/** The file read back by ical.js (Mozilla's parser, not ours): the calendar's method and its one event. */
function parse(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    status: vevent.getFirstPropertyValue('status'),
    zone: event.startDate.zone?.tzid,
    localStart: event.startDate.toString(),
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    stamp: vevent.getFirstPropertyValue('dtstamp')?.toString(),
  };
}

const booked: CalendarAppointment = {
  uid: 'apt_0123@clinicflow',
  sequence: 1,
  // Friday 20 March 2026, 10:00 in Paris (CET, UTC+1)
  start: new Date('2026-03-20T09:00:00Z'),
  end: new Date('2026-03-20T09:30:00Z'),
  timeZone: 'Europe/Paris',
  summary: 'Détartrage, Dr Martin',
  location: 'Cabinet du Parc, 3 place du Parc, Paris',
  organizer: { name: 'Cabinet du Parc', email: 'rdv@cabinet.example' },
  attendee: 'lea.martin@example.org',
  cancelled: false,
  stamp: new Date('2026-03-02T08:00:00Z'),
};

describe('the calendar file of an appointment', () => {
  it("should write the appointment in the clinic's zone", () => {
    const file = appointmentCalendar(booked);
    expect(file.method).toBe('request');
    expect(parse(file.content)).toMatchObject({
      method: 'REQUEST',
      uid: 'apt_0123@clinicflow',
      sequence: 1,
      status: 'CONFIRMED',
      zone: 'Europe/Paris',
      localStart: '2026-03-20T10:00:00',
      start: '2026-03-20T09:00:00.000Z',
      end: '2026-03-20T09:30:00.000Z',
      stamp: '2026-03-02T08:00:00Z',
    });
    expect(file.content).toContain('BEGIN:VTIMEZONE');
    expect(file.content).toContain('DTSTART;TZID=Europe/Paris:20260320T100000');
  });

  it('should update a moved appointment: the same UID, a higher sequence, the new time across a DST change', () => {
    // moved to Friday 3 April, 10:00 in Paris: summer time (CEST, UTC+2) began on 29 March
    const moved = appointmentCalendar({
      ...booked,
      sequence: 2,
      start: new Date('2026-04-03T08:00:00Z'),
      end: new Date('2026-04-03T08:30:00Z'),
      stamp: new Date('2026-03-10T12:00:00Z'),
    });
    const before = parse(appointmentCalendar(booked).content);
    const after = parse(moved.content);
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after).toMatchObject({ localStart: '2026-04-03T10:00:00', start: '2026-04-03T08:00:00.000Z' });
  });

  it('should cancel a cancelled appointment under the same UID', () => {
    const file = appointmentCalendar({ ...booked, sequence: 3, cancelled: true });
    expect(file.method).toBe('cancel');
    expect(parse(file.content)).toMatchObject({
      method: 'CANCEL',
      uid: booked.uid,
      sequence: 3,
      status: 'CANCELLED',
    });
  });
});
