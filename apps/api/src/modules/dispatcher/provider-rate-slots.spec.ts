import {
  laterPosition,
  nextPosition,
  rateInThousandths,
  slotsFrom,
  slotsInSecond,
  slotStillOpen,
} from './provider-rate-slots';

// A second of today's order of magnitude, where products of seconds and rates are largest.
const S = 1_796_000_000;

describe('slotsInSecond', () => {
  it.each([
    [1, [1, 1, 1, 1]],
    [5, [5, 5, 5, 5]],
    [0.5, [1, 0, 1, 0]],
    [2.5, [3, 2, 3, 2]],
    [50, [50, 50, 50, 50]],
  ])('should give %s/s these slots over four seconds: %j', (rate, expected) => {
    const milli = rateInThousandths(rate);
    expect([0, 1, 2, 3].map((k) => slotsInSecond(S + k, milli))).toEqual(expected);
  });

  it.each([0.01, 0.3, 0.5, 1, 2.5, 7.333, 50, 999.999, 1000])(
    'should hold %s/s times any run of seconds, within one',
    (rate) => {
      const milli = rateInThousandths(rate);
      for (const start of [S, S + 7, S + 333]) {
        for (const length of [1, 3, 10, 60, 600]) {
          let total = 0;
          for (let k = 0; k < length; k++) total += slotsInSecond(start + k, milli);
          expect(Math.abs(total - rate * length)).toBeLessThanOrEqual(1);
        }
      }
    },
  );

  it('should count 0.001/s as the smallest rate, never as none', () => {
    expect(rateInThousandths(0.0001)).toBe(1);
  });
});

describe('slotsFrom', () => {
  it('should fill the current second, then move on', () => {
    expect(slotsFrom({ second: S, n: 3 }, 4, rateInThousandths(5), S + 10)).toEqual([
      { second: S, n: 3 },
      { second: S, n: 4 },
      { second: S + 1, n: 0 },
      { second: S + 1, n: 1 },
    ]);
  });

  it('should skip the seconds a fractional rate leaves empty', () => {
    const slots = slotsFrom({ second: S, n: 0 }, 3, rateInThousandths(0.25), S + 100);
    expect(slots.map((slot) => slot.second - slots[0].second)).toEqual([0, 4, 8]);
    expect(slots.every((slot) => slot.n === 0)).toBe(true);
  });

  it('should start from a position past the end of its second', () => {
    expect(slotsFrom({ second: S, n: 5 }, 1, rateInThousandths(5), S + 10)).toEqual([
      { second: S + 1, n: 0 },
    ]);
  });

  it('should stop before the horizon', () => {
    expect(slotsFrom({ second: S, n: 0 }, 100, rateInThousandths(5), S + 3)).toHaveLength(15);
  });
});

describe('positions', () => {
  it.each([
    [
      { second: S, n: 2 },
      { second: S, n: 1 },
      { second: S, n: 2 },
    ],
    [
      { second: S, n: 0 },
      { second: S + 1, n: 0 },
      { second: S + 1, n: 0 },
    ],
  ])('should take the later of %j and %j', (a, b, later) => {
    expect(laterPosition(a, b)).toEqual(later);
    expect(laterPosition(b, a)).toEqual(later);
  });

  it('should step to the next slot of the same second', () => {
    expect(nextPosition({ second: S, n: 4 })).toEqual({ second: S, n: 5 });
  });
});

describe('slotStillOpen', () => {
  const at = new Date('2026-12-05T08:00:00.000Z');
  it.each([
    ['2026-12-05T07:59:59.999Z', false],
    ['2026-12-05T08:00:00.000Z', true],
    ['2026-12-05T08:00:00.499Z', true],
    ['2026-12-05T08:00:00.500Z', false],
  ])('should answer at %s: %s', (now, open) => {
    expect(slotStillOpen(at, new Date(now))).toBe(open);
  });
});
