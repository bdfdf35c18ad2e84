import { bookingConfirmationFlow } from '../starter-flows/booking-confirmation.flow';
import { rescheduleNoticeFlow } from '../starter-flows/appointment-change-notice.flow';
import { recallFlow } from '../starter-flows/recall.flow';
import { remindersFlow } from '../starter-flows/reminders.flow';
import { thankYouFlow } from '../starter-flows/thank-you.flow';
import { unreliableSecondReminderFlow } from '../starter-flows/unreliable-second-reminder.flow';
import { sendNode, straightFlow, waitNode } from '../testing/fixtures';
import { simulate } from './simulate';
import type { TimelineEntry } from './timeline-entry';

const bookedThursday = { type: 'appointment.booked', at: '2026-05-07T09:00:00+02:00' } as const;
const sends = (timeline: TimelineEntry[]) =>
  timeline.filter((e) => e.kind === 'send').map((e) => [e.nodeId, e.local]);
const skips = (timeline: TimelineEntry[]) =>
  timeline.filter((e) => e.status === 'skipped').map((e) => [e.nodeId, e.reason]);

describe(simulate.name, () => {
  describe('scenario 1: booked online 5 days ahead, reply C', () => {
    const sut = simulate({
      flow: bookingConfirmationFlow,
      flows: [remindersFlow],
      event: bookedThursday,
      replies: [{ at: '2026-05-11T10:20:00+02:00', text: 'C' }],
    });

    it('should plan the confirmation now, the e-mail 48 h before and the SMS 24 h before', () => {
      expect(sut.errors).toEqual([]);
      expect(sends(sut.timeline)).toEqual([
        ['sms-booked', '2026-05-07T09:00:00+02:00'],
        ['email48', '2026-05-10T10:00:00+02:00'],
        ['sms24', '2026-05-11T10:00:00+02:00'],
      ]);
      expect(sut.timeline.find((e) => e.nodeId === 'sms24')?.text).toContain('Répondez C pour confirmer');
    });

    it('should mark the appointment confirmed on "C" and send no further request', () => {
      const reply = sut.timeline.find((e) => e.kind === 'reply');
      expect(reply).toMatchObject({ local: '2026-05-11T10:20:00+02:00', exit: 'confirmed' });
      expect(reply?.reason).toContain('appointment marked confirmed');
      expect(sut.timeline.filter((e) => e.kind === 'send' && e.at > (reply?.at ?? ''))).toEqual([]);
    });
  });

  describe('scenario 2: second SMS 2 h before for unreliable patients', () => {
    it.each([
      [
        'unreliable (3 no-shows in 8 visits)',
        3,
        [['sms2', '2026-05-12T08:00:00+02:00']],
        /no-show rate 38 % ≥ 30 %/,
      ],
      ['reliable (0 no-shows in 8 visits)', 0, [], /no-show rate 0 % < 30 %/],
    ])('should plan for a patient %s', (_title, noShows, expected, reason) => {
      const sut = simulate({
        flow: remindersFlow,
        flows: [unreliableSecondReminderFlow],
        context: {
          patient: {
            firstName: 'Léa',
            mobile: '+33612345678',
            email: 'lea@example.com',
            attendance: { visits: 8, noShows },
          },
        },
        event: bookedThursday,
        replies: [{ at: '2026-05-11T10:20:00+02:00', text: 'C' }],
      });
      expect(sends(sut.timeline).filter(([node]) => node === 'sms2')).toEqual(expected);
      expect(sut.timeline.find((e) => e.nodeId === 'unreliable')?.reason).toMatch(reason);
    });
  });

  describe('scenario 3: booked 3 h before with a 12 h minimum lead time', () => {
    it('should plan no reminder and say why', () => {
      const sut = simulate({
        flow: remindersFlow,
        event: { type: 'appointment.booked', at: '2026-05-12T07:00:00+02:00' },
      });
      expect(sends(sut.timeline)).toEqual([]);
      expect(skips(sut.timeline).filter(([node]) => node === 'email48' || node === 'sms24')).toEqual([
        ['email48', 'booked 3 h before the appointment; reminders need at least 12 h (minimum lead time)'],
        ['sms24', 'booked 3 h before the appointment; reminders need at least 12 h (minimum lead time)'],
      ]);
    });
  });

  describe('scenario 4: a reminder at 23:30 with quiet hours 21:00–08:00', () => {
    it.each([
      [
        'shift-later to 08:00',
        'shift-later',
        '2026-05-13T09:30:00+02:00',
        600,
        bookedThursday.at,
        '2026-05-13T08:00:00+02:00',
      ],
      [
        'shift-later past the appointment, so earlier',
        'shift-later',
        '2026-05-13T07:45:00+02:00',
        495,
        bookedThursday.at,
        '2026-05-12T20:59:00+02:00',
      ],
      [
        'shift-earlier',
        'shift-earlier',
        '2026-05-13T09:30:00+02:00',
        600,
        bookedThursday.at,
        '2026-05-12T20:59:00+02:00',
      ],
      ['ignore', 'ignore', '2026-05-13T09:30:00+02:00', 600, bookedThursday.at, '2026-05-12T23:30:00+02:00'],
      ['skip', 'skip', '2026-05-13T09:30:00+02:00', 600, bookedThursday.at, null],
      [
        'shift-later with no allowed time left',
        'shift-later',
        '2026-05-13T07:45:00+02:00',
        495,
        '2026-05-12T21:30:00+02:00',
        null,
      ],
    ] as const)('should %s', (_title, policy, start, minutes, bookedAt, expected) => {
      const flow = straightFlow([
        waitNode('wait', { amount: minutes, unit: 'minutes', quietHours: policy }),
        sendNode('sms', { purpose: 'reminder' }),
      ]);
      const sut = simulate({
        flow,
        context: {
          appointment: { start, end: start },
          clinic: { timeZone: 'Europe/Paris', limits: { minimumLeadTimeHours: 0 } },
        },
        event: { type: 'appointment.booked', at: bookedAt },
      });
      expect(sends(sut.timeline)).toEqual(expected ? [['sms', expected]] : []);
      if (!expected)
        expect(skips(sut.timeline)[0]?.[1]).toMatch(/^quiet hours: 23:30 is in the night pause 21:00–08:00/);
    });
  });

  describe('scenario 4 with two windows: lunch 12:00–14:00 and night 21:00–08:00', () => {
    const quietHours = {
      nightly: null,
      windows: [
        { start: '12:00', end: '14:00' },
        { start: '21:00', end: '08:00' },
      ],
    };
    it.each([
      [
        'moves a lunch-time reminder to 14:00',
        'shift-later',
        '2026-05-13T14:30:00+02:00',
        60,
        '2026-05-13T14:00:00+02:00',
      ],
      [
        'moves it before lunch when asked',
        'shift-earlier',
        '2026-05-13T14:30:00+02:00',
        60,
        '2026-05-13T11:59:00+02:00',
      ],
      [
        'still moves a night reminder to 08:00',
        'shift-later',
        '2026-05-13T09:30:00+02:00',
        600,
        '2026-05-13T08:00:00+02:00',
      ],
      [
        'keeps an afternoon reminder',
        'shift-later',
        '2026-05-13T17:00:00+02:00',
        120,
        '2026-05-13T15:00:00+02:00',
      ],
    ] as const)('%s', (_title, policy, start, minutes, expected) => {
      const sut = simulate({
        flow: straightFlow([
          waitNode('wait', { amount: minutes, unit: 'minutes', quietHours: policy }),
          sendNode('sms', { purpose: 'reminder' }),
        ]),
        context: {
          appointment: { start, end: start },
          clinic: { timeZone: 'Europe/Paris', quietHours, limits: { minimumLeadTimeHours: 0 } },
        },
        event: { type: 'appointment.booked', at: bookedThursday.at },
      });
      expect(sends(sut.timeline)).toEqual([['sms', expected]]);
    });
  });

  describe('scenario 5: moved from Tuesday 10:00 to Thursday 15:00', () => {
    const sut = simulate({
      flow: remindersFlow,
      flows: [rescheduleNoticeFlow],
      event: bookedThursday,
      changes: [
        {
          at: '2026-05-11T09:00:00+02:00',
          type: 'appointment.rescheduled',
          context: { appointment: { start: '2026-05-14T15:00:00+02:00', end: '2026-05-14T15:30:00+02:00' } },
        },
      ],
    });

    it("should cancel Tuesday's pending reminder, notify the move and plan Thursday's reminders", () => {
      expect(sends(sut.timeline)).toEqual([
        ['email48', '2026-05-10T10:00:00+02:00'],
        ['sms-moved', '2026-05-11T09:00:00+02:00'],
        ['email48', '2026-05-12T15:00:00+02:00'],
        ['sms24', '2026-05-13T15:00:00+02:00'],
      ]);
      expect(skips(sut.timeline)).toEqual([
        ['wait24', 'cancelled: the appointment was moved to Thu 14 May 2026 15:00'],
      ]);
    });
  });

  describe('scenario 6: SMS off for Hygiene, voice off for Dr Martin', () => {
    it('should skip those sends with the reason and still send the e-mail', () => {
      const flow = straightFlow([
        sendNode('sms', { channel: 'sms' }),
        sendNode('voice', { channel: 'voice' }),
        sendNode('email', {
          channel: 'email',
          template: { byLanguage: { fr: { subject: 'RDV', body: 'Bonjour' } } },
        }),
      ]);
      const sut = simulate({
        flow,
        context: {
          service: { id: 's1', name: 'Hygiene', channels: { sms: false } },
          resource: { id: 'r1', name: 'Dr Martin', channels: { voice: false } },
        },
        event: bookedThursday,
      });
      expect(skips(sut.timeline)).toEqual([
        ['sms', 'SMS is switched off for service Hygiene'],
        ['voice', 'Voice is switched off for Dr Martin'],
      ]);
      expect(sends(sut.timeline)).toEqual([['email', '2026-05-07T09:00:00+02:00']]);
    });
  });

  describe('scenario 7: consent', () => {
    it('should send no SMS to a patient without SMS consent in an opt-in clinic', () => {
      const sut = simulate({
        flow: bookingConfirmationFlow,
        context: {
          clinic: { timeZone: 'Europe/Paris', consentMode: 'opt-in' },
          patient: { firstName: 'Léa', mobile: '+33612345678', consent: { email: true } },
        },
        event: bookedThursday,
      });
      expect(sends(sut.timeline)).toEqual([]);
      expect(skips(sut.timeline)).toEqual([['sms-booked', 'no SMS consent (the clinic asks for opt-in)']]);
    });

    it('should withdraw consent at once on a STOP reply', () => {
      const sut = simulate({
        flow: remindersFlow,
        flows: [unreliableSecondReminderFlow],
        context: {
          clinic: { timeZone: 'Europe/Paris', consentMode: 'opt-in' },
          patient: {
            firstName: 'Léa',
            mobile: '+33612345678',
            email: 'lea@example.com',
            consent: { sms: true, email: true },
            attendance: { visits: 8, noShows: 3 },
          },
        },
        event: bookedThursday,
        replies: [{ at: '2026-05-11T10:20:00+02:00', text: 'STOP' }],
      });
      expect(sut.timeline.find((e) => e.kind === 'reply')?.reason).toBe(
        'patient replied "STOP": sms consent withdrawn',
      );
      expect(skips(sut.timeline)).toEqual([['sms2', 'patient has withdrawn SMS consent']]);
    });
  });

  describe('scenario 8: visit attended', () => {
    const attended = { type: 'appointment.attended', at: '2026-05-12T10:40:00+02:00' } as const;

    it.each([
      [
        'no new appointment',
        [],
        [
          ['sms-thanks', '2026-05-12T13:30:00+02:00'],
          ['sms-recall', '2026-11-12T10:00:00+01:00'],
        ],
      ],
      [
        'a new appointment booked meanwhile',
        [
          {
            at: '2026-08-01T10:00:00+02:00',
            context: { patient: { nextAppointmentAt: '2026-12-01T09:00:00+01:00' } },
          },
        ],
        [['sms-thanks', '2026-05-12T13:30:00+02:00']],
      ],
    ])('should thank 3 h after and recall 6 months after the visit with %s', (_title, changes, expected) => {
      const sut = simulate({ flow: thankYouFlow, flows: [recallFlow], event: attended, changes });
      expect(sends(sut.timeline)).toEqual(expected);
    });
  });

  describe('scenario 12: daylight saving in Europe/Paris', () => {
    it.each([
      ['1 day before', 1, 'days', '2026-03-28T09:00:00Z', '2026-03-28T10:00:00+01:00'],
      ['24 hours before', 24, 'hours', '2026-03-28T08:00:00Z', '2026-03-28T09:00:00+01:00'],
    ] as const)('should send "%s" at the right local time', (_title, amount, unit, at, local) => {
      const flow = straightFlow([
        waitNode('wait', { amount, unit }),
        sendNode('sms', { purpose: 'reminder' }),
      ]);
      const sut = simulate({
        flow,
        context: { appointment: { start: '2026-03-29T10:00:00+02:00', end: '2026-03-29T10:30:00+02:00' } },
        event: { type: 'appointment.booked', at: '2026-03-20T10:00:00Z' },
      });
      expect(sut.timeline.filter((e) => e.kind === 'send').map((e) => [e.at, e.local])).toEqual([
        [at, local],
      ]);
    });
  });
});
