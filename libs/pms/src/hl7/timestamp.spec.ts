import { hl7Day, hl7Instant } from './timestamp';

describe('hl7Instant', () => {
  it.each([
    ['202603250930', 'Europe/Paris', '2026-03-25T09:30:00+01:00'],
    ['202607250930', 'Europe/Paris', '2026-07-25T09:30:00+02:00'],
    ['20260325093015', 'Europe/Oslo', '2026-03-25T09:30:15+01:00'],
    ['20260325093015.5', 'UTC', '2026-03-25T09:30:15.500Z'],
    ['202603250930-0500', 'Europe/Paris', '2026-03-25T09:30:00-05:00'],
  ])('should read %s in %s', (value, zone, iso) => {
    expect(hl7Instant(value, zone)).toBe(iso);
  });

  it.each(['20260325', '2026-03-25T09:30', '202613250930', ''])(
    'should refuse %p as an appointment time',
    (value) => {
      expect(hl7Instant(value, 'UTC')).toBeNull();
    },
  );

  it("should take a day for a message's time", () => {
    expect(hl7Instant('20260325', 'Europe/Paris', 'day')).toBe('2026-03-25T00:00:00+01:00');
  });
});

describe('hl7Day', () => {
  it.each([
    ['19800115', '1980-01-15'],
    ['198001151230', '1980-01-15'],
    ['19801315', null],
    ['1980', null],
  ])('should read %s as %p', (value, day) => {
    expect(hl7Day(value)).toBe(day);
  });
});
