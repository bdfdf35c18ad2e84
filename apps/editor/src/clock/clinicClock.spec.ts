import { clinicClock, clockLocale } from './clinicClock';

const paris = (language: string) => clinicClock({ timeZone: 'Europe/Paris', country: 'FR', language });

describe(clinicClock.name, () => {
  it.each([
    // the message: 18:15 UTC is 20:15 in Paris in April, in both languages, never "8:15 PM"
    ['en', '2026-04-12T18:15:44Z', '12/04/2026, 20:15', '20:15'],
    ['fr', '2026-04-12T18:15:44Z', '12/04/2026 20:15', '20:15'],
    // winter: one hour ahead of UTC
    ['fr', '2026-01-05T07:30:00Z', '05/01/2026 08:30', '08:30'],
    // the night clocks go forward (scenario 12): 01:30 UTC is 03:30 in Paris
    ['fr', '2026-03-29T01:30:00Z', '29/03/2026 03:30', '03:30'],
  ])('should read %s %s as %s in the clinic’s zone', (language, instant, dateTime, time) => {
    const sut = paris(language);
    expect(sut.dateTime(instant)).toBe(dateTime);
    expect(sut.time(instant)).toBe(time);
  });

  it('should read an instant in the clinic’s zone whatever the browser’s', () => {
    const sut = clinicClock({ timeZone: 'Pacific/Auckland', country: 'NZ', language: 'en' });
    expect(sut.dateTime('2026-04-12T18:15:00Z')).toBe('13/04/2026, 06:15');
    expect(sut.wallClock('2026-04-12T18:15:00Z')).toEqual({ day: '2026-04-13', time: '06:15' });
  });

  it('should write a clinic-local day as it is, without moving it to another day', () => {
    const sut = clinicClock({ timeZone: 'Pacific/Kiritimati', country: 'KI', language: 'fr' });
    expect(sut.day('2026-12-25')).toBe('25/12/2026');
    expect(sut.longDay('2026-12-25')).toBe('vendredi 25 décembre 2026');
  });

  it.each([
    ['fr', 1, 'lundi'],
    ['en', 7, 'Sunday'],
  ])('should name the ISO weekday in %s', (language, weekday, name) => {
    expect(paris(language).weekday(weekday)).toBe(name);
  });

  it('should put the weekday before a date and time', () => {
    expect(paris('fr').weekdayDateTime('2026-05-12T16:05:00Z')).toBe('mar. 12/05/2026 18:05');
    expect(paris('en').weekdayDateTime('2026-05-12T16:05:00Z')).toBe('Tue, 12/05/2026, 18:05');
  });
});

describe(clockLocale.name, () => {
  it.each([
    ['en', 'FR', 'en-FR'],
    ['fr', 'CA', 'fr-CA'],
    ['fr-CA', null, 'fr'],
    ['en', 'US', 'en-US'],
  ])('should format %s in %s with %s', (language, country, locale) => {
    expect(clockLocale(language, country)).toBe(locale);
  });
});
