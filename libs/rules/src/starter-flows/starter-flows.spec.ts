import { simulate } from '../simulation/simulate';
import { validateFlow } from '../validation/validate-flow';
import { starterFlows } from './starter-flows';

const flowOf = (key: string) => starterFlows.find((starter) => starter.key === key)?.flow;
const booked = { type: 'appointment.booked', at: '2026-05-07T09:00:00+02:00' };

const simulations: Array<{ key: string; event: object; context?: object; expected: string[][] }> = [
  {
    key: 'booking-confirmation',
    event: booked,
    expected: [['sms-booked', 'patient', '2026-05-07T09:00:00+02:00']],
  },
  {
    key: 'booking-confirmation',
    event: booked,
    context: { appointment: { start: '2026-05-12T10:00:00+02:00', source: 'staff' } },
    expected: [],
  },
  {
    key: 'reschedule-notice',
    event: { type: 'appointment.rescheduled', at: '2026-05-08T11:00:00+02:00' },
    expected: [['sms-moved', 'patient', '2026-05-08T11:00:00+02:00']],
  },
  {
    key: 'cancellation-notice',
    event: { type: 'appointment.cancelled', at: '2026-05-08T22:00:00+02:00' },
    expected: [['sms-cancelled', 'patient', '2026-05-09T08:00:00+02:00']],
  },
  {
    key: 'reminders',
    event: booked,
    expected: [
      ['email48', 'patient', '2026-05-10T10:00:00+02:00'],
      ['sms24', 'patient', '2026-05-11T10:00:00+02:00'],
    ],
  },
  {
    key: 'opus-reminders',
    event: booked,
    expected: [
      ['sms70', 'patient', '2026-05-09T12:00:00+02:00'],
      ['sms22', 'patient', '2026-05-11T12:00:00+02:00'],
      ['sms1', 'patient', '2026-05-12T09:00:00+02:00'],
    ],
  },
  {
    key: 'unreliable-second-reminder',
    event: booked,
    context: { patient: { mobile: '+33612345678', attendance: { visits: 10, noShows: 4 } } },
    expected: [['sms2', 'patient', '2026-05-12T08:00:00+02:00']],
  },
  {
    key: 'thank-you',
    event: { type: 'appointment.attended', at: '2026-05-12T10:35:00+02:00' },
    expected: [['sms-thanks', 'patient', '2026-05-12T13:30:00+02:00']],
  },
  {
    key: 'recall',
    event: { type: 'appointment.attended', at: '2026-05-12T10:35:00+02:00' },
    context: { service: { name: 'Bilan', recallMonths: 12 } },
    expected: [['sms-recall', 'patient', '2027-05-12T10:00:00+02:00']],
  },
  {
    key: 'resource-alert',
    event: { type: 'resource.delayed', at: '2026-05-12T08:00:00+02:00', minutes: 40 },
    expected: [['sms-late', 'patient', '2026-05-12T08:00:00+02:00']],
  },
  {
    key: 'resource-alert',
    event: { type: 'resource.absent', at: '2026-05-12T07:00:00+02:00' },
    expected: [['sms-absent', 'patient', '2026-05-12T07:00:00+02:00']],
  },
  {
    key: 'staff-notice',
    event: booked,
    expected: [['email-staff', 'resource', '2026-05-07T09:00:00+02:00']],
  },
  {
    key: 'practitioner-day-list',
    event: { type: 'schedule.daily', at: '2026-05-11T18:00:00+02:00' },
    expected: [['email-day-list', 'resource', '2026-05-11T18:00:00+02:00']],
  },
];

describe('starterFlows', () => {
  it.each(starterFlows.map((starter) => [starter.key, starter]))('should validate %s', (_key, starter) => {
    expect(validateFlow(starter.flow, { defaultLanguage: 'fr' })).toMatchObject({
      valid: true,
      problems: [],
    });
    expect(validateFlow(starter.flow, { defaultLanguage: 'en' }).valid).toBe(true);
  });

  it.each(simulations)('should simulate $key on $event.type', ({ key, event, context, expected }) => {
    const sut = simulate({ flow: flowOf(key), event, context });
    expect(sut.errors).toEqual([]);
    expect(
      sut.timeline
        .filter((entry) => entry.kind === 'send')
        .map((entry) => [entry.nodeId, entry.recipient, entry.local]),
    ).toEqual(expected);
  });

  it('should have a simulation test for every starter flow', () => {
    expect(new Set(simulations.map((simulation) => simulation.key))).toEqual(
      new Set(starterFlows.map((starter) => starter.key)),
    );
  });
});
