import type HolidaysType from 'date-holidays';

/** A public holiday of a country (or one of its regions) on a clinic-local day, named in a language. */
export interface PublicHoliday {
  /** YYYY-MM-DD, as the quiet-hours settings store holidays. */
  day: string;
  name: string;
}

let library: Promise<typeof HolidaysType> | null = null;
// date-holidays carries every country's rules (about 800 kB): fetched when the holidays are asked for, not
// with the editor.
const loadLibrary = () => (library ??= import('date-holidays').then((module) => module.default));

/** The countries the holidays library knows (ISO 3166 codes), sorted. */
export async function holidayCountries(): Promise<string[]> {
  const Holidays = await loadLibrary();
  return Object.keys(new Holidays().getCountries()).sort();
}

/** A country's regions that have holidays of their own (German Länder, Spanish communities…), by code. */
export async function holidayRegions(country: string, language: string): Promise<Record<string, string>> {
  const Holidays = await loadLibrary();
  return new Holidays().getStates(country, language) ?? {};
}

/**
 * The public holidays (days off by law, not observances such as Mother's Day) of a country, or of one of its
 * regions, in a year, in order, named in `language` when the library has that language.
 */
export async function publicHolidays(
  country: string,
  region: string | null,
  year: number,
  language: string,
): Promise<PublicHoliday[]> {
  const Holidays = await loadLibrary();
  const calendar = region
    ? new Holidays(country, region, { languages: [language], types: ['public'] })
    : new Holidays(country, { languages: [language], types: ['public'] });
  const days = new Map<string, string>();
  for (const holiday of calendar.getHolidays(year, language) || []) {
    if (holiday.type !== 'public') continue;
    const day = holiday.date.slice(0, 10);
    if (!days.has(day)) days.set(day, holiday.name);
  }
  return [...days].map(([day, name]) => ({ day, name })).sort((a, b) => a.day.localeCompare(b.day));
}
