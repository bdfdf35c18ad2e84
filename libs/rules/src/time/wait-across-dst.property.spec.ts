import fc from 'fast-check';
import { DateTime } from 'luxon';
import { evaluate } from '../evaluation/evaluate';
import {
  contextWith,
  dstChangeDays2026 as changes,
  dstZones as zones,
  sendNode,
  straightFlow,
  waitNode,
} from '../testing/fixtures';

/** The moment a "N unit before the appointment" reminder is planned for, through the evaluator. */
function plannedAt(zone: string, start: DateTime, amount: number, unit: 'days' | 'hours'): DateTime | null {
  const context = contextWith({
    clinic: { timeZone: zone, quietHours: { nightly: null }, limits: { minimumLeadTimeHours: 0 } },
    appointment: { start: start.toISO() as string, end: start.plus({ minutes: 30 }).toISO() as string },
    event: { type: 'appointment.booked', at: start.minus({ days: 30 }).toISO() as string },
  });
  const flow = straightFlow([waitNode('wait', { amount, unit }), sendNode('sms', { purpose: 'reminder' })]);
  const waiting = evaluate({ flow, run: null, context, now: context.event.at });
  if (!waiting.run.timerAt) return null;
  const result = evaluate({ flow, run: waiting.run, context, now: waiting.run.timerAt });
  return result.deliveries[0] ? DateTime.fromISO(result.deliveries[0].sendAt, { zone }) : null;
}

describe(evaluate.name, () => {
  it.each(zones)(
    'should keep the wall clock for days and the elapsed time for hours across DST in %s',
    (zone) => {
      const appointment = fc
        .tuple(
          fc.constantFrom(...changes),
          fc.integer({ min: -3, max: 3 }),
          fc.integer({ min: 7, max: 19 }),
          fc.constantFrom(0, 15, 30, 45),
        )
        .map(([day, shift, hour, minute]) =>
          DateTime.fromISO(`${day}T00:00`, { zone }).plus({ days: shift }).set({ hour, minute }),
        );
      fc.assert(
        fc.property(appointment, fc.integer({ min: 1, max: 3 }), (start, amount) => {
          const byDays = plannedAt(zone, start, amount, 'days') as DateTime;
          expect([byDays.hour, byDays.minute]).toEqual([start.hour, start.minute]);
          expect(Math.round(start.startOf('day').diff(byDays.startOf('day'), 'days').days)).toBe(amount);
          const byHours = plannedAt(zone, start, amount * 24, 'hours') as DateTime;
          expect(start.toMillis() - byHours.toMillis()).toBe(amount * 24 * 3_600_000);
        }),
        { numRuns: 60 },
      );
    },
  );
});
