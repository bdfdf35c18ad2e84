import { readPlainInstant, writeUtcInstant } from './utc-instant';

const builtInWrite = (millis: number): string => {
  const iso = new Date(millis).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
};

describe(readPlainInstant.name, () => {
  it.each([
    '2026-05-12T08:00:00Z',
    '2026-05-12T10:00:00+02:00',
    '2026-03-29T01:59:59-03:00',
    '2024-02-29T23:59:59+05:30',
    '2026-05-12T08:00:00.000Z',
    '2026-05-12T08:00:00.123+02:00',
    '1999-12-31T00:00:00-00:00',
  ])('should read %s as Date.parse does', (text) => {
    expect(readPlainInstant(text)).toBe(Date.parse(text));
  });

  it.each([
    '2026-05-12T08:00Z',
    '2026-05-12T08:00:00.12Z',
    '2026-05-12T08:00:00,123Z',
    '2026-02-29T08:00:00Z',
    '2026-13-01T08:00:00Z',
    '2026-05-12T24:00:00Z',
    '2026-05-12T08:00:00+24:00',
    '2026-05-12 08:00:00Z',
    '0999-05-12T08:00:00Z',
    '2026-05-12T08:00:00+0200',
  ])('should leave %s to the built-in parser', (text) => {
    expect(readPlainInstant(text)).toBeNaN();
  });
});

describe(writeUtcInstant.name, () => {
  it.each([
    0,
    Date.UTC(2026, 4, 12, 8),
    Date.UTC(2024, 1, 29, 23, 59, 59, 7),
    Date.UTC(2000, 1, 29, 12, 30, 0, 120),
    Date.UTC(2100, 2, 1),
    Date.UTC(9999, 11, 31, 23, 59, 59, 999),
    -1,
    253_402_300_800_000,
    1.5,
  ])('should write %p as toISOString does, without zero milliseconds', (millis) => {
    expect(writeUtcInstant(millis)).toBe(builtInWrite(millis));
  });
});
