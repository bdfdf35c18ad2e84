import { activityRange } from './activityRange';

describe(activityRange.name, () => {
  it('covers whole clinic-local days, summer and winter time alike', () => {
    expect(activityRange('2026-03-28', '2026-03-29', 'Europe/Paris')).toEqual({
      from: '2026-03-27T23:00:00.000Z',
      to: '2026-03-29T21:59:59.999Z',
    });
  });

  it.each([
    ['', '', 'Europe/Paris', {}],
    ['2026-01-05', '', 'Europe/Paris', { from: '2026-01-04T23:00:00.000Z' }],
    ['2026-01-05', '2026-01-05', null, {}],
  ])('leaves out the bounds not given (%s, %s, %s)', (from, to, zone, range) => {
    expect(activityRange(from, to, zone)).toEqual(range);
  });
});
