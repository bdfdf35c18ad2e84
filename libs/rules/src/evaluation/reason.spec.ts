import { DateTime } from 'luxon';
import { simulate } from '../simulation/simulate';
import { contextWith, sendNode, smsData, straightFlow, waitNode } from '../testing/fixtures';
import { channelAllowed, consentGate } from './channel-gates';
import { checkCondition } from './check-condition';
import { evaluate } from './evaluate';
import { planDelivery } from './plan-delivery';
import { quietHoursCalendar } from '../quiet-hours/quiet-hours-calendar';
import { isReason, REASON_CODES, reasonOf } from './reason';

const now = DateTime.fromISO('2026-05-08T10:00:00Z');
const zone = 'Europe/Paris';

describe('reasons as codes', () => {
  describe(reasonOf.name, () => {
    it('should leave out parameters that are missing, so that no sentence reads "undefined"', () => {
      expect(reasonOf('channel-off-service', { channel: 'sms', service: undefined, resource: null })).toEqual(
        {
          code: 'channel-off-service',
          params: { channel: 'sms' },
        },
      );
    });

    it.each([
      [{ code: 'lead-time', params: { hours: 3 } }, true],
      [{ code: 'made-up', params: {} }, false],
      [{ code: 'lead-time' }, false],
      ['lead-time', false],
      [null, false],
    ])('should tell whether %j is a reason', (value, expected) => {
      expect(isReason(value)).toBe(expected);
    });

    it('should list every code once', () => {
      expect(new Set(REASON_CODES).size).toBe(REASON_CODES.length);
    });
  });

  it.each([
    ['the master switch', { clinic: { communicationsEnabled: false } }, 'communications-off', {}],
    [
      'SMS off for the clinic',
      { clinic: { channels: { sms: false } } },
      'channel-off-clinic',
      { channel: 'sms' },
    ],
    [
      'SMS off for a service',
      { service: { id: 's1', name: 'Hygiène', channels: { sms: false } } },
      'channel-off-service',
      { channel: 'sms', service: 'Hygiène' },
    ],
    [
      'SMS off for a practitioner',
      { resource: { id: 'r1', name: 'Dr Martin', channels: { sms: false } } },
      'channel-off-resource',
      { channel: 'sms', resource: 'Dr Martin' },
    ],
    [
      'a patient who prefers e-mail',
      { patient: { preferredChannels: ['email', 'voice'] } },
      'not-preferred',
      { channel: 'sms', channels: 'email,voice' },
    ],
  ])('should give %s as a code with its parameters', (_title, overrides, code, params) => {
    expect(channelAllowed('sms', contextWith(overrides as never), true)?.why).toEqual({ code, params });
  });

  it.each([
    ['nobody', { clinic: { consentMode: 'nobody' } }, 'consent-nobody', { channel: 'sms' }],
    ['withdrawn', { patient: { consent: { sms: false } } }, 'consent-withdrawn', { channel: 'sms' }],
    [
      'opt-in',
      { clinic: { consentMode: 'opt-in' }, patient: { consent: {} } },
      'consent-opt-in',
      { channel: 'sms' },
    ],
    [
      'a purpose the patient did not agree to',
      { patient: { consent: { sms: true }, consentPurposes: { sms: ['reminders', 'surveys'] } } },
      'consent-purpose-patient',
      { channel: 'sms', purpose: 'recall', covers: 'reminders,surveys' },
    ],
  ])('should give consent (%s) as a code', (_title, overrides, code, params) => {
    expect(consentGate('sms', contextWith(overrides as never), 'recall')?.why).toEqual({ code, params });
  });

  it.each([
    [
      { kind: 'patient-unreliable' },
      { patient: { attendance: { visits: 8, noShows: 3 } } },
      'unreliable',
      { rate: 38, threshold: 30 },
    ],
    [
      { kind: 'patient-unreliable' },
      { patient: { attendance: { visits: 8, noShows: 1 } } },
      'reliable',
      { rate: 13, threshold: 30 },
    ],
    [
      { kind: 'booked-online' },
      { appointment: { start: '2026-05-12T08:00:00Z', source: 'staff' } },
      'booked-by',
      { source: 'staff' },
    ],
    [{ kind: 'weekday-in', weekdays: [6, 7] }, {}, 'weekday-not', { weekday: 2 }],
    [{ kind: 'lead-time-at-least', hours: 12 }, {}, 'lead-at-least', { hours: 121, minimum: 12 }],
  ] as const)(
    'should answer the condition %j with its reason as a code',
    (check, overrides, code, params) => {
      expect(checkCondition(check as never, contextWith(overrides as never), now).why).toEqual({
        code,
        params,
      });
    },
  );

  it('should give the minimum lead time and a quiet-hours move as codes when planning', () => {
    const calendar = quietHoursCalendar({ windows: [{ start: '21:00', end: '08:00' }] }, zone);
    const base = {
      runId: 'run',
      nodeId: 'sms',
      calendar,
      policy: 'shift-later' as const,
      suppressed: null,
      defaultLanguage: 'fr',
      plannedReminders: [],
      expectsReply: false,
    };
    const late = DateTime.fromISO('2026-05-07T23:30', { zone });
    const moved = planDelivery(smsData(), { ...base, context: contextWith(), now: late });
    expect('delivery' in moved && moved.delivery.noteWhy).toEqual({
      code: 'quiet-moved-later',
      params: { quiet: 'pause', time: '23:30', from: '21:00', to: '08:00', night: 1 },
    });
    const booked = contextWith({
      clinic: { limits: { minimumLeadTimeHours: 12 } },
      appointment: { start: '2026-05-08T09:00:00+02:00', bookedAt: '2026-05-08T06:00:00+02:00' },
    });
    const skipped = planDelivery(smsData({ purpose: 'reminder' }), {
      ...base,
      context: booked,
      now: DateTime.fromISO('2026-05-08T06:00', { zone }),
    });
    expect('skip' in skipped && skipped.skip.why).toEqual({
      code: 'lead-time',
      params: { hours: 3, minimum: 12 },
    });
  });

  it('should carry the cause of a skipped wait to the messages after it', () => {
    const flow = straightFlow([
      waitNode('wait', { relativeTo: 'last-visit', direction: 'after' }),
      sendNode('sms'),
    ]);
    const sut = evaluate({ flow, run: null, context: contextWith(), now: '2026-05-07T07:00:00Z' });
    expect(sut.skipped.map((skip) => [skip.nodeId, skip.why])).toEqual([
      ['wait', { code: 'wait-no-last-visit', params: {} }],
      ['sms', { code: 'earlier-step-skipped', params: { cause: 'wait-no-last-visit' } }],
    ]);
  });

  it('should list a run’s end after a message it planned for later (quiet hours moved it)', () => {
    const flow = straightFlow([sendNode('sms')]);
    const sut = simulate({
      flow,
      context: { clinic: { timeZone: zone, quietHours: { windows: [{ start: '21:00', end: '08:00' }] } } },
      event: { type: 'appointment.booked', at: '2026-05-07T23:30:00+02:00' },
    });
    expect(sut.timeline.map((entry) => [entry.kind, entry.local.slice(0, 16)])).toEqual([
      ['trigger', '2026-05-07T23:30'],
      ['send', '2026-05-08T08:00'],
      ['end', '2026-05-08T08:00'],
    ]);
    expect(sut.timeline[1].why).toMatchObject({ code: 'quiet-moved-later' });
  });
});
