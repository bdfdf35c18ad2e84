import { eventOfAppointmentState } from './appointment-state';

const at9 = { start: '2026-03-25T09:00:00+01:00', end: '2026-03-25T09:30:00+01:00' };
const at10 = { start: '2026-03-25T10:00:00+01:00', end: '2026-03-25T10:30:00+01:00' };

describe('eventOfAppointmentState', () => {
  it.each([
    ['a booking of an appointment never seen', null, { status: 'booked', ...at9 }, 'appointment.booked'],
    ['the same booking again', { status: 'booked', ...at9 }, { status: 'booked', ...at9 }, null],
    [
      'the same times written in another zone',
      { status: 'booked', start: '2026-03-25T08:00:00.000Z', end: '2026-03-25T08:30:00.000Z' },
      { status: 'booked', ...at9 },
      null,
    ],
    ['a new start', { status: 'booked', ...at9 }, { status: 'booked', ...at10 }, 'appointment.rescheduled'],
    [
      'a new end only',
      { status: 'confirmed', ...at9 },
      { status: 'booked', start: at9.start, end: at10.end },
      'appointment.rescheduled',
    ],
    ['a booking that says no time', { status: 'booked', ...at9 }, { status: 'booked' }, null],
    [
      'a cancelled appointment booked again',
      { status: 'cancelled', ...at9 },
      { status: 'booked', ...at9 },
      'appointment.booked',
    ],
    [
      'a no-show booked again',
      { status: 'no_show', ...at9 },
      { status: 'booked', ...at9 },
      'appointment.booked',
    ],
    [
      'a confirmed one left booked (the PMS has no confirmation)',
      { status: 'confirmed', ...at9 },
      { status: 'booked', ...at9 },
      null,
    ],
    [
      'a cancellation',
      { status: 'booked', ...at9 },
      { status: 'cancelled', ...at9 },
      'appointment.cancelled',
    ],
    ['a cancellation again', { status: 'cancelled', ...at9 }, { status: 'cancelled', ...at9 }, null],
    ['a cancellation of one never seen', null, { status: 'cancelled' }, 'appointment.cancelled'],
    ['a no-show', { status: 'booked', ...at9 }, { status: 'no_show' }, 'appointment.no_show'],
    ['an attendance', { status: 'confirmed', ...at9 }, { status: 'attended' }, 'appointment.attended'],
    ['a confirmation', { status: 'booked', ...at9 }, { status: 'confirmed' }, 'appointment.confirmed'],
  ] as const)('should read %s', (_title, held, now, event) => {
    expect(eventOfAppointmentState(held, now)).toBe(event);
  });
});
