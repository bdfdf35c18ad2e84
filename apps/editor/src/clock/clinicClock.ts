/**
 * Every time the editor shows is the clinic's: in its time zone, in the interface language's format (with the
 * clinic's country, so English in a French clinic reads "12/04/2026, 20:15", never "4/12/26, 8:15 PM"), through
 * `Intl.DateTimeFormat`. One module, so the same instant reads the same on every screen.
 */

/** What a clinic's clock needs: its zone and country (settings), and the interface language. */
export interface ClockSettings {
  timeZone: string;
  country?: string | null;
  language: string;
}

/** Formats instants and clinic-local days as the clinic reads them. */
export interface ClinicClock {
  /** The clinic's IANA zone ("Europe/Paris"), to show where a user could doubt it. */
  readonly timeZone: string;
  /** The locale the formats come from ("fr-FR", "en-FR"). */
  readonly locale: string;
  /** Date and time: "12/04/2026 20:15". */
  dateTime(instant: string | Date): string;
  /** Weekday, date and time: "dim. 12/04/2026 20:15" (simulations, schedules). */
  weekdayDateTime(instant: string | Date): string;
  /** The time of day: "20:15". */
  time(instant: string | Date): string;
  /** The date: "12/04/2026". */
  date(instant: string | Date): string;
  /** A clinic-local day (`yyyy-MM-dd`, no zone to convert): "12/04/2026". */
  day(day: string): string;
  /** A clinic-local day with its weekday: "dimanche 12 avril 2026". */
  longDay(day: string): string;
  /** The weekday of an ISO weekday number (1 = Monday): "lundi". */
  weekday(isoWeekday: number): string;
  /** The clinic-local day (`yyyy-MM-dd`) and time (`HH:mm`) of an instant, for date and time fields. */
  wallClock(instant: string | Date): { day: string; time: string };
}

/** The interface language with the clinic's country when `Intl` knows that pair ("en-FR"), else the language. */
export function clockLocale(language: string, country?: string | null): string {
  const base = language.split('-')[0];
  if (!country) return base;
  const paired = `${base}-${country.toUpperCase()}`;
  return Intl.DateTimeFormat.supportedLocalesOf([paired]).length > 0 ? paired : base;
}

const asDate = (instant: string | Date) => (typeof instant === 'string' ? new Date(instant) : instant);

/** A clock for these settings: every formatter is made once (making an `Intl` format is the costly part). */
export function clinicClock({ timeZone, country, language }: ClockSettings): ClinicClock {
  const locale = clockLocale(language, country);
  const twoDigits = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
  const numericDate = { day: '2-digit', month: '2-digit', year: 'numeric' } as const;
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { timeZone, ...numericDate, ...twoDigits });
  const weekdayFormat = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    ...numericDate,
    ...twoDigits,
  });
  const timeFormat = new Intl.DateTimeFormat(locale, { timeZone, ...twoDigits });
  const dateFormat = new Intl.DateTimeFormat(locale, { timeZone, ...numericDate });
  // a clinic-local day is a calendar date: read at noon UTC and written in UTC, it never shifts a day
  const dayFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...numericDate });
  const longDayFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'full' });
  const weekdayName = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long' });
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...twoDigits,
  });
  const noon = (day: string) => new Date(`${day}T12:00:00Z`);
  return {
    timeZone,
    locale,
    dateTime: (instant) => dateTimeFormat.format(asDate(instant)),
    weekdayDateTime: (instant) => weekdayFormat.format(asDate(instant)),
    time: (instant) => timeFormat.format(asDate(instant)),
    date: (instant) => dateFormat.format(asDate(instant)),
    day: (day) => dayFormat.format(noon(day)),
    longDay: (day) => longDayFormat.format(noon(day)),
    // 2024-01-01 was a Monday
    weekday: (isoWeekday) => weekdayName.format(noon(`2024-01-0${isoWeekday}`)),
    wallClock(instant) {
      const found = Object.fromEntries(
        parts.formatToParts(asDate(instant)).map((part) => [part.type, part.value]),
      );
      return { day: `${found.year}-${found.month}-${found.day}`, time: `${found.hour}:${found.minute}` };
    },
  };
}
