import { DateTime } from 'luxon';
import { contextWith } from '../testing/fixtures';
import type { WaitData } from '../flow/wait-node.schema';
import { recallMonthsOf, waitMoment } from './wait-moment';

const paris = 'Europe/Paris';
/** A recall: six months after the last visit at 10:00, or the appointment's or the service's interval. */
const recall: WaitData = {
  relativeTo: 'last-visit',
  direction: 'after',
  amount: 6,
  unit: 'months',
  atLocalTime: '10:00',
  useServiceRecallInterval: true,
};
const visit = '2026-03-10T15:30:00+01:00';

const localOf = (millis: number) => DateTime.fromMillis(millis, { zone: paris }).toISO();

describe(waitMoment.name, () => {
  it.each([
    ['the appointment’s interval first', 3, 12, '2026-06-10T10:00:00.000+02:00'],
    ['the service’s interval when the appointment has none', undefined, 12, '2027-03-10T10:00:00.000+01:00'],
    ['the wait’s own amount when neither has one', undefined, undefined, '2026-09-10T10:00:00.000+02:00'],
  ])('should plan a recall with %s', (_title, appointmentMonths, serviceMonths, expected) => {
    const context = contextWith({
      event: { type: 'appointment.attended', at: visit },
      patient: { attendance: { visits: 1, noShows: 0, lastVisitAt: visit } },
      appointment: { start: visit, recallMonths: appointmentMonths },
      service: { recallMonths: serviceMonths },
    });
    const moment = waitMoment(recall, context, Date.parse(visit));
    expect('at' in moment && localOf(moment.at)).toBe(expected);
  });

  it('should keep its own amount when the step does not ask for the recall interval', () => {
    const context = contextWith({
      patient: { attendance: { visits: 1, noShows: 0, lastVisitAt: visit } },
      appointment: { start: visit, recallMonths: 3 },
    });
    const moment = waitMoment({ ...recall, useServiceRecallInterval: false }, context, Date.parse(visit));
    expect('at' in moment && localOf(moment.at)).toBe('2026-09-10T10:00:00.000+02:00');
  });
});

describe(recallMonthsOf.name, () => {
  it.each([
    [{ appointment: { start: visit, recallMonths: 4 }, service: { recallMonths: 6 } }, 4],
    [{ appointment: { start: visit }, service: { recallMonths: 6 } }, 6],
    [{ appointment: { start: visit }, service: { recallMonths: undefined } }, undefined],
  ])('should read %j as %s', (parts, expected) => {
    expect(recallMonthsOf(contextWith(parts))).toBe(expected);
  });
});
