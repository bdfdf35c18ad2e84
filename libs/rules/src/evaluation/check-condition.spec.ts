import { DateTime } from 'luxon';
import type { ConditionCheck } from '../flow/condition-node.schema';
import { contextWith } from '../testing/fixtures';
import { checkCondition } from './check-condition';

const now = DateTime.fromISO('2026-05-08T10:00:00Z');

describe(checkCondition.name, () => {
  it.each<[ConditionCheck, object, boolean, string]>([
    [{ kind: 'has-consent', channel: 'sms' }, {}, true, 'patient consents to SMS'],
    [
      { kind: 'has-consent', channel: 'sms' },
      { patient: { consent: { sms: false } } },
      false,
      'patient has withdrawn SMS consent',
    ],
    [{ kind: 'channel-enabled', channel: 'email' }, {}, true, 'e-mail is switched on'],
    [
      { kind: 'channel-enabled', channel: 'voice' },
      { resource: { name: 'Dr Martin', channels: { voice: false } } },
      false,
      'Voice is switched off for Dr Martin',
    ],
    [
      { kind: 'patient-unreliable' },
      { patient: { attendance: { visits: 2, noShows: 2 } } },
      false,
      'patient reliable: only 2 past visits (fewer than 3)',
    ],
    [
      { kind: 'patient-unreliable', minimumVisits: 0 },
      { patient: { attendance: undefined } },
      false,
      'patient reliable: no-show rate 0 % < 30 %',
    ],
    [{ kind: 'booked-online' }, {}, true, 'booked online'],
    [
      { kind: 'booked-online' },
      { appointment: { start: '2026-05-12T08:00:00Z', source: 'staff' } },
      false,
      'booked by staff',
    ],
    [{ kind: 'appointment-status', statuses: ['booked'] }, {}, true, 'appointment is booked'],
    [
      { kind: 'appointment-status', statuses: ['confirmed', 'attended'] },
      {},
      false,
      'appointment is booked, not confirmed or attended',
    ],
    [
      { kind: 'appointment-confirmed' },
      { appointment: { start: '2026-05-12T08:00:00Z', confirmation: 'confirmed' } },
      true,
      'appointment confirmed',
    ],
    [{ kind: 'appointment-confirmed' }, {}, false, 'appointment not confirmed'],
    [{ kind: 'lead-time-at-least', hours: 12 }, {}, true, 'booked 121 h ahead (≥ 12 h)'],
    [
      { kind: 'lead-time-at-least', hours: 12 },
      { appointment: { start: '2026-05-07T10:00:00Z' } },
      false,
      'booked 3 h ahead (< 12 h)',
    ],
    [{ kind: 'lead-time-at-least', hours: 12 }, { appointment: undefined }, false, 'no appointment'],
    [
      { kind: 'has-future-appointment' },
      { patient: { nextAppointmentAt: '2026-09-01T08:00:00Z' } },
      true,
      'patient has a future appointment',
    ],
    [
      { kind: 'has-future-appointment' },
      { patient: { nextAppointmentAt: '2026-01-01T08:00:00Z' } },
      false,
      'patient has no future appointment',
    ],
    [{ kind: 'service-in', serviceIds: ['service-sample'] }, {}, true, 'service is Détartrage'],
    [{ kind: 'service-in', serviceIds: ['x'] }, {}, false, 'service not in the list'],
    [{ kind: 'resource-in', resourceIds: ['resource-sample'] }, {}, true, 'with Dr Martin'],
    [{ kind: 'resource-in', resourceIds: ['x'] }, {}, false, 'resource not in the list'],
    [{ kind: 'weekday-in', weekdays: [2] }, {}, true, 'on Tuesday'],
    [{ kind: 'weekday-in', weekdays: [6, 7] }, { appointment: undefined }, false, 'not on Friday'],
    [{ kind: 'patient-age', min: 18 }, { patient: { birthDate: '1990-06-01' } }, true, 'patient is 35'],
    [{ kind: 'patient-age', max: 17 }, { patient: { birthDate: '1990-06-01' } }, false, 'patient is 35'],
    [{ kind: 'patient-age', min: 18 }, {}, false, 'date of birth unknown'],
    [
      { kind: 'expression', logic: { '==': [{ var: 'patient.language' }, 'fr'] } },
      {},
      true,
      'expression is true',
    ],
    [
      { kind: 'expression', logic: { in: [{ var: 'service.name' }, ['Bilan']] } },
      {},
      false,
      'expression is false',
    ],
    [{ kind: 'expression', logic: { nope: [1] } }, {}, false, 'expression could not be evaluated'],
  ])('should answer %j with %j as %p', (check, overrides, yes, reason) => {
    expect(checkCondition(check, contextWith(overrides as never), now)).toMatchObject({ yes, reason });
  });
});
