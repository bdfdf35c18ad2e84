import {
  clinicLocalToInstant,
  describeClinicTime,
  instantToClinicLocal,
  nextHourInClinic,
} from './clinicDateTime';

describe(clinicLocalToInstant.name, () => {
  it.each([
    ['a winter time in Paris', '2026-03-20T10:00', 'Europe/Paris', '2026-03-20T09:00:00Z'],
    ['a summer time in Paris', '2026-04-02T10:00', 'Europe/Paris', '2026-04-02T08:00:00Z'],
    ['a time in the spring gap (moves forward)', '2026-03-29T02:30', 'Europe/Paris', '2026-03-29T01:30:00Z'],
    ['a time in New York', '2026-04-02T10:00', 'America/New_York', '2026-04-02T14:00:00Z'],
    ['no time', '2026-04-02', 'Europe/Paris', null],
    ['nothing', '', 'Europe/Paris', null],
  ])('should read %s', (_title, local, zone, expected) => {
    expect(clinicLocalToInstant(local, zone)).toBe(expected);
  });
});

describe(instantToClinicLocal.name, () => {
  it('should write an instant as the clinic’s wall-clock time', () => {
    expect(instantToClinicLocal(new Date('2026-04-02T08:05:00Z'), 'Europe/Paris')).toBe('2026-04-02T10:05');
  });
});

describe(nextHourInClinic.name, () => {
  it.each([
    ['2026-04-02T08:05:00Z', '2026-04-02T12:00'],
    ['2026-04-02T08:00:00Z', '2026-04-02T11:00'],
    ['2026-04-02T21:30:00Z', '2026-04-03T01:00'],
  ])('should propose the next whole hour at least an hour after %s', (now, expected) => {
    expect(nextHourInClinic(new Date(now), 'Europe/Paris')).toBe(expected);
  });
});

describe(describeClinicTime.name, () => {
  it.each([
    ['fr', 'Europe/Paris', '02/04/2026 10:00'],
    ['nb', 'Europe/Oslo', '02.04.2026 10:00'],
    [null, 'Europe/Paris', '02/04/2026 10:00'],
  ])('should write an instant in the zone and format of a clinic speaking %s', (language, zone, expected) => {
    expect(describeClinicTime('2026-04-02T08:00:00Z', zone, language)).toBe(expected);
  });
});
