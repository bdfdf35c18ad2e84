import { DateTime } from 'luxon';
import { RulesErrorCode } from '../errors/rules-error-code';
import {
  atLocalTimeOfDay,
  describeLocal,
  hoursBetween,
  isElapsedUnit,
  parseInstant,
  shiftMoment,
  toLocalIso,
  toUtcIso,
} from './clinic-time';

const paris = 'Europe/Paris';

describe(shiftMoment.name, () => {
  it.each([
    ['2026-03-29T10:00:00+02:00', 1, 'days', '2026-03-28T10:00:00+01:00'],
    ['2026-03-29T10:00:00+02:00', 24, 'hours', '2026-03-28T09:00:00+01:00'],
    ['2026-10-25T10:00:00+01:00', 1, 'days', '2026-10-24T10:00:00+02:00'],
    ['2026-10-25T10:00:00+01:00', 24, 'hours', '2026-10-24T11:00:00+02:00'],
    ['2026-05-12T10:00:00+02:00', 2, 'weeks', '2026-04-28T10:00:00+02:00'],
    ['2026-05-12T10:00:00+02:00', 90, 'minutes', '2026-05-12T08:30:00+02:00'],
  ] as const)('should put %s minus %i %s at %s local', (start, amount, unit, expected) => {
    const anchor = parseInstant(start, paris);
    expect(toLocalIso(shiftMoment(anchor, 'before', amount, unit, paris), paris)).toBe(expected);
  });

  it('should keep the wall clock when adding months', () => {
    const anchor = parseInstant('2026-01-15T09:30:00+01:00', paris);
    expect(toLocalIso(shiftMoment(anchor, 'after', 6, 'months', paris), paris)).toBe(
      '2026-07-15T09:30:00+02:00',
    );
  });
});

describe(parseInstant.name, () => {
  it.each([
    ['not a date', paris, RulesErrorCode.InvalidTime],
    ['2026-01-01T00:00:00Z', 'Mars/Olympus', RulesErrorCode.UnknownTimeZone],
  ])('should reject %p in %p', (iso, zone, code) => {
    expect(() => parseInstant(iso, zone)).toThrow(expect.objectContaining({ code }));
  });
});

describe('clinic time helpers', () => {
  it('should format, measure and set times of day', () => {
    const moment = DateTime.fromISO('2026-03-28T09:00:00Z');
    expect(toUtcIso(moment)).toBe('2026-03-28T09:00:00Z');
    expect(describeLocal(moment, paris)).toBe('Sat 28 Mar 2026 10:00');
    expect(toLocalIso(atLocalTimeOfDay(moment, '18:00', paris), paris)).toBe('2026-03-28T18:00:00+01:00');
    expect(hoursBetween(moment, moment.plus({ hours: 3 }))).toBe(3);
    expect([isElapsedUnit('hours'), isElapsedUnit('days')]).toEqual([true, false]);
  });
});
