import { dailyMoment, dayAfter, dueDailyFiring, localDayOf } from './daily-moment';

const paris = 'Europe/Paris';

describe(dailyMoment.name, () => {
  it.each([
    ['an ordinary winter day', '2026-01-15', '18:00', '2026-01-15T18:00:00.000+01:00'],
    ['an ordinary summer day', '2026-07-15', '18:00', '2026-07-15T18:00:00.000+02:00'],
    ['the day clocks go forward, after the change', '2026-03-29', '18:00', '2026-03-29T18:00:00.000+02:00'],
    ['the day clocks go back, after the change', '2026-10-25', '18:00', '2026-10-25T18:00:00.000+01:00'],
    [
      'a time in the spring gap (moved forward by it)',
      '2026-03-29',
      '02:30',
      '2026-03-29T03:30:00.000+02:00',
    ],
    [
      'a time that happens twice in autumn (the first)',
      '2026-10-25',
      '02:30',
      '2026-10-25T02:30:00.000+02:00',
    ],
  ])('should place %s', (_title, day, time, expected) => {
    expect(dailyMoment(day, time, paris).toISO()).toBe(expected);
  });

  it('should be the local time of the zone given', () => {
    expect(dailyMoment('2026-03-10', '07:00', 'America/New_York').toUTC().toISO()).toBe(
      '2026-03-10T11:00:00.000Z',
    );
  });
});

describe(dueDailyFiring.name, () => {
  it.each([
    ['a minute before', '2026-03-29T15:59:00Z', null],
    ['at the minute', '2026-03-29T16:00:00Z', { day: '2026-03-29', at: '2026-03-29T16:00:00.000Z' }],
    ['later the same day', '2026-03-29T21:59:00Z', { day: '2026-03-29', at: '2026-03-29T16:00:00.000Z' }],
    ['after local midnight, before the time', '2026-03-29T22:30:00Z', null],
  ])('should answer for 18:00 in Paris %s', (_title, now, expected) => {
    const due = dueDailyFiring(Date.parse(now), '18:00', paris);
    expect(due && { day: due.day, at: new Date(due.at).toISOString() }).toEqual(expected);
  });

  it('should fire once each local day across the autumn change (no second 02:30)', () => {
    const firings = new Set<string>();
    for (let at = Date.parse('2026-10-24T00:00:00Z'); at < Date.parse('2026-10-27T00:00:00Z'); at += 60_000) {
      const due = dueDailyFiring(at, '02:30', paris);
      if (due) firings.add(`${due.day}@${new Date(due.at).toISOString()}`);
    }
    expect([...firings]).toEqual([
      '2026-10-24@2026-10-24T00:30:00.000Z',
      '2026-10-25@2026-10-25T00:30:00.000Z',
      '2026-10-26@2026-10-26T01:30:00.000Z',
    ]);
  });
});

describe(localDayOf.name, () => {
  it('should read the clinic-local day, not the UTC one', () => {
    expect(localDayOf(Date.parse('2026-03-29T22:30:00Z'), paris)).toBe('2026-03-30');
  });
});

describe(dayAfter.name, () => {
  it.each([
    ['2026-03-28', '2026-03-29'],
    ['2026-03-31', '2026-04-01'],
    ['2026-12-31', '2027-01-01'],
  ])('should follow %s with %s', (day, next) => {
    expect(dayAfter(day)).toBe(next);
  });
});
