import { daySchema, instantSchema, isDateLike } from './dates';

describe('instantSchema', () => {
  it.each([
    ['2026-03-20T10:00:00Z', true],
    ['2026-03-20T10:00:00.000Z', true],
    ['2026-03-20T10:00:00+01:00', true],
    ['2026-03-20T10:00:00', false],
    ['2026-03-20', false],
  ])('should read %s: %p', (value, valid) => {
    expect(instantSchema.safeParse(value).success).toBe(valid);
  });
});

describe('daySchema', () => {
  it.each([
    ['2026-03-20', true],
    ['2026-02-30', false],
    ['20/03/2026', false],
  ])('should read %s: %p', (value, valid) => {
    expect(daySchema.safeParse(value).success).toBe(valid);
  });
});

describe(isDateLike.name, () => {
  it.each([
    ['2026-03-20', true],
    ['2026-03-20T10:00:00Z', true],
    ['2026-13-45', false],
    ['tomorrow', false],
    [42, false],
  ])('should tell whether %p is a date: %p', (value, expected) => {
    expect(isDateLike(value)).toBe(expected);
  });
});
