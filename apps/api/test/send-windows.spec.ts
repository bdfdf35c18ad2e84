import { busiestWindow } from './send-windows';

/** Instants `every` ms apart from `from`. */
const evenly = (count: number, every: number, from = 0) =>
  Array.from({ length: count }, (_, k) => from + k * every);

describe('busiestWindow', () => {
  it.each([
    { title: 'nothing received', instants: [], count: 0 },
    { title: '5 a second, evenly', instants: evenly(100, 200), count: 50 },
    {
      title: 'a burst of 5 at the start of each second',
      instants: evenly(20, 1000).flatMap((t) => evenly(5, 1, t)),
      count: 50,
    },
    {
      title: '5 a second, then 5 at once',
      instants: [...evenly(50, 200), ...evenly(5, 1, 10_000)],
      count: 54,
    },
    { title: 'in any order', instants: [9_999, 0, 5_000, 10_000, 10_001], count: 4 },
  ])('should count $count in the busiest 10 s: $title', ({ instants, count }) => {
    expect(busiestWindow(instants, 10_000)).toMatchObject({ count, perSecond: count / 10 });
  });

  it('should find where the busiest window starts', () => {
    expect(busiestWindow([0, 20_000, 20_001, 25_000, 40_000], 10_000)).toEqual({
      count: 3,
      from: 20_000,
      perSecond: 0.3,
    });
  });

  it('should leave out an instant exactly a window after the first', () => {
    expect(busiestWindow([0, 10_000], 10_000).count).toBe(1);
  });
});
