import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { TimeUnit } from '../flow/flow-parts.schema';
import { dstChangeDays2026, dstZones as zones } from '../testing/fixtures';
import { shiftMoment } from './clinic-time';

/** Instants within 4 days of every 2026 daylight-saving change of these zones (and of an ordinary day). */
const transitions = [...dstChangeDays2026, '2026-06-15'];
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

/** Shifts moments near the DST changes by 1 to `maxAmount` of these units, either way, and checks each result. */
function assertShifts<Unit extends TimeUnit>(
  zone: string,
  units: readonly Unit[],
  maxAmount: number,
  check: (anchor: DateTime, sut: DateTime, amount: number, unit: Unit) => void,
): void {
  fc.assert(
    fc.property(
      nearTransition,
      fc.integer({ min: 1, max: maxAmount }),
      fc.constantFrom(...units),
      fc.constantFrom('before', 'after'),
      (instant, amount, unit, direction) => {
        const anchor = instant.setZone(zone);
        const sut = shiftMoment(anchor, direction as 'before' | 'after', amount, unit, zone);
        check(anchor, sut, amount, unit);
      },
    ),
    { numRuns: 200 },
  );
}

describe(shiftMoment.name, () => {
  it.each(zones)('should keep the local wall-clock time for days and weeks across DST in %s', (zone) => {
    assertShifts(zone, ['days', 'weeks'], 10, (anchor, sut, amount, unit) => {
      const days = unit === 'weeks' ? amount * 7 : amount;
      expect(Math.abs(Math.round(sut.startOf('day').diff(anchor.startOf('day'), 'days').days))).toBe(days);
      if (exists(zone, sut, anchor.hour, anchor.minute)) {
        expect([sut.hour, sut.minute]).toEqual([anchor.hour, anchor.minute]);
      }
    });
  });

  it.each(zones)('should keep the elapsed time for hours and minutes across DST in %s', (zone) => {
    assertShifts(zone, ['hours', 'minutes'], 200, (anchor, sut, amount, unit) => {
      const elapsed = amount * (unit === 'hours' ? 3_600_000 : 60_000);
      expect(Math.abs(sut.toMillis() - anchor.toMillis())).toBe(elapsed);
    });
  });
});
