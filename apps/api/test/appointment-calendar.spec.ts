// Issue 20, part 3: a patient's e-mail about an appointment carries it as an invitation (.ics), updated on a move
// (same UID, higher SEQUENCE) and cancelled on a cancel; the page's "Add to my calendar" and `links.calendar`
// give the appointment as it is now. Read back with ical.js (Mozilla's parser), from a real SMTP server.
import { remindersFlow, type Flow } from '@clinicflow/rules';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { externalDocumentId } from '../src/common/ids';
import { smtpTo, startMailbox, type Mailbox } from './engine-dispatch-peers';
import { bookingEvent, engineDriver } from './engine-fixtures';
import { EVERY_PATIENT, REPLYING_CLINIC_SENDERS } from './scenario-1';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

const PUBLIC_URL = 'https://rdv.clinic.example';

/** A calendar file read by ical.js: its method and its event. */
function readCalendar(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    zone: event.startDate.zone?.tzid,
    localStart: event.startDate.toString(),
    start: event.startDate.toJSDate().toISOString(),
  };
}

/** The invitation an e-mail carries (nodemailer's icalEvent: a text/calendar part). */
function invitationOf(mail: ParsedMail) {
  const part = mail.attachments.find((attachment) => attachment.contentType === 'text/calendar');
  expect(part).toBeDefined();
  return readCalendar(part!.content.toString('utf8'));
}

/** An e-mail to the patient when the appointment is cancelled. */
const cancelNotice: Flow = {
  id: 'cancel-notice',
  name: 'Cancellation notice',
  nodes: [
    {
      id: 'cancelled',
      type: 'trigger',
      position: { x: 0, y: 0 },
      data: { events: ['appointment.cancelled'] },
    },
    {
      id: 'email-cancelled',
      type: 'send',
      position: { x: 0, y: 140 },
      data: {
        label: 'Cancelled',
        channel: 'email',
        recipient: { type: 'patient' },
        purpose: 'notice',
        template: { byLanguage: { fr: { subject: 'RDV annulé', body: 'Votre rendez-vous est annulé.' } } },
      },
    },
    { id: 'end', type: 'end', position: { x: 0, y: 280 } },
  ],
  edges: [
    { id: 'e1', source: 'cancelled', target: 'email-cancelled', sourceHandle: null },
    { id: 'e2', source: 'email-cancelled', target: 'end', sourceHandle: null },
  ],
} as unknown as Flow;

describe("the appointment in the patient's calendar", () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({ PUBLIC_URL }, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  let mailbox: Mailbox;

  beforeAll(async () => {
    mailbox = await startMailbox();
    await engine.settings(clinic, {
      testMode: false,
      consent: EVERY_PATIENT,
      senders: REPLYING_CLINIC_SENDERS,
      providers: { sms: { kind: 'sandbox', options: {} }, email: smtpTo(mailbox) },
    });
    // the reminder e-mail 48 h before (booked or moved), with the calendar link in its text
    const reminders = structuredClone(remindersFlow);
    const email = reminders.nodes.find((node) => node.id === 'email48') as unknown as {
      data: { template: { byLanguage: Record<string, { body: string }> } };
    };
    email.data.template.byLanguage.fr.body += ' Agenda : {{links.calendar}}';
    await engine.publish(clinic, reminders);
    await engine.publish(clinic, cancelNotice);
  });
  afterAll(() => mailbox.close());

  it('invites, updates across the change to summer time, and cancels the same event', async () => {
    // Friday 27 March 2026, 10:00 in Paris (winter time, UTC+1)
    await engine.post(clinic, bookingEvent('cal-1', 'A-CAL', '2026-03-27T10:00')).expect(202);
    await engine.at('2026-03-02T08:00:00Z');
    await engine.at('2026-03-25T09:00:00Z');
    const first = mailbox.received.at(-1)!.mail;
    const booked = invitationOf(first);
    expect(booked).toMatchObject({
      method: 'REQUEST',
      uid: `${externalDocumentId('apt', clinic.clinicId, 'A-CAL')}@clinicflow`,
      zone: 'Europe/Paris',
      localStart: '2026-03-27T10:00:00',
      start: '2026-03-27T09:00:00.000Z',
    });

    // links.calendar: the same event, as a file a phone opens in its calendar
    const link = /https:\/\/rdv\.clinic\.example(\/p\/[0-9A-Za-z]{16})/.exec(String(first.text))?.[1];
    const file = await ctx.http().get(link!).expect(200);
    expect(file.headers['content-type']).toContain('text/calendar');
    expect(readCalendar(file.text)).toMatchObject({ uid: booked.uid, localStart: '2026-03-27T10:00:00' });

    // moved by the PMS to Friday 3 April, 10:00 (summer time since 29 March, UTC+2): the new e-mail updates it
    await engine
      .post(
        clinic,
        bookingEvent('cal-1-moved', 'A-CAL', '2026-04-03T10:00', {
          type: 'appointment.rescheduled',
          at: '2026-03-26T08:00:00Z',
        }),
      )
      .expect(202);
    await engine.at('2026-03-26T08:00:00Z');
    await engine.at('2026-04-01T08:00:00Z');
    const moved = invitationOf(mailbox.received.at(-1)!.mail);
    expect(moved.uid).toBe(booked.uid);
    expect(moved.sequence).toBeGreaterThan(booked.sequence);
    expect(moved).toMatchObject({ localStart: '2026-04-03T10:00:00', start: '2026-04-03T08:00:00.000Z' });
    // the old e-mail's calendar link now gives the new time
    expect(readCalendar((await ctx.http().get(link!).expect(200)).text)).toMatchObject({
      localStart: '2026-04-03T10:00:00',
    });

    // cancelled: the notice cancels the same event
    await engine
      .post(
        clinic,
        bookingEvent('cal-1-cancelled', 'A-CAL', '2026-04-03T10:00', {
          type: 'appointment.cancelled',
          at: '2026-04-01T09:00:00Z',
        }),
      )
      .expect(202);
    await engine.at('2026-04-01T09:00:00Z');
    const cancelled = invitationOf(mailbox.received.at(-1)!.mail);
    expect(cancelled).toMatchObject({ method: 'CANCEL', uid: booked.uid });
    expect(cancelled.sequence).toBeGreaterThan(moved.sequence);
  });
});
