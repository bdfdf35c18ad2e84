import fc from 'fast-check';
import { DateTime } from 'luxon';
import { shiftMoment } from './clinic-time';

const zones = [
  'Europe/Paris',
  'Europe/Oslo',
  'America/New_York',
  'Australia/Sydney',
  'America/Argentina/Buenos_Aires',
] as const;

/** Instants within 4 days of every 2026 daylight-saving change of these zones (and of ordinary days). */
const transitions = [
  '2026-03-08',
  '2026-03-29',
  '2026-04-05',
  '2026-10-04',
  '2026-10-25',
  '2026-11-01',
  '2026-06-15',
];
const nearTransition = fc
  .tuple(fc.constantFrom(...transitions), fc.integer({ min: -4 * 24 * 60, max: 4 * 24 * 60 }))
  .map(([day, minutes]) => DateTime.fromISO(`${day}T12:00:00Z`).plus({ minutes }));

/** Whether a local wall-clock time exists on that day in that zone (not in a spring-forward gap). */
function exists(zone: string, moment: DateTime, hour: number, minute: number): boolean {
  const candidate = DateTime.fromObject(
    { year: moment.year, month: moment.month, day: moment.day, hour, minute },
    { zone },
  );
  return candidate.hour === hour && candidate.minute === minute;
}

describe(shiftMoment.name, () => {
  it.each(zones)('should keep the local wall-clock time for days and weeks across DST in %s', (zone) => {
    fc.assert(
      fc.property(
        nearTransition,
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom('days', 'weeks'),
        fc.constantFrom('before', 'after'),
        (instant, amount, unit, direction) => {
          const anchor = instant.setZone(zone);
          const sut = shiftMoment(
            anchor,
            direction as 'before' | 'after',
            amount,
            unit as 'days' | 'weeks',
            zone,
          );
          const days = unit === 'weeks' ? amount * 7 : amount;
          expect(Math.abs(Math.round(sut.startOf('day').diff(anchor.startOf('day'), 'days').days))).toBe(
            days,
          );
          if (exists(zone, sut, anchor.hour, anchor.minute)) {
            expect([sut.hour, sut.minute]).toEqual([anchor.hour, anchor.minute]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each(zones)('should keep the elapsed time for hours and minutes across DST in %s', (zone) => {
    fc.assert(
      fc.property(
        nearTransition,
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom('hours', 'minutes'),
        fc.constantFrom('before', 'after'),
        (instant, amount, unit, direction) => {
          const anchor = instant.setZone(zone);
          const sut = shiftMoment(
            anchor,
            direction as 'before' | 'after',
            amount,
            unit as 'hours' | 'minutes',
            zone,
          );
          const elapsed = amount * (unit === 'hours' ? 3_600_000 : 60_000);
          expect(Math.abs(sut.toMillis() - anchor.toMillis())).toBe(elapsed);
        },
      ),
      { numRuns: 200 },
    );
  });
});
