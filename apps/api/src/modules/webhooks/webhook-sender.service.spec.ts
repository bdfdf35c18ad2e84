import { backoffAfter } from './webhook-sender.service';

describe(backoffAfter.name, () => {
  it.each([
    [1, 5_000],
    [2, 30_000],
    [3, 120_000],
    [9, 28_800_000],
    [20, 28_800_000],
  ])('should wait after attempt %i at least %i ms', (attempt, ms) => {
    expect(backoffAfter(attempt, () => 0)).toBe(ms);
    expect(backoffAfter(attempt, () => 0.999)).toBe(Math.round(ms * 1.0999));
  });
});
