import { LANGUAGE_CONVENTIONS, resolveLanguage } from '@clinicflow/channels/browser';
import { parseInstant, toUtcIso } from '@clinicflow/rules';

/** The value of a date-time field: a clinic-local wall-clock time, "yyyy-MM-ddTHH:mm". */
export type LocalDateTime = string;

const localDateTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d$/;

/**
 * The instant (UTC ISO 8601) of a clinic-local date and time, read in the clinic's zone; a time that does not
 * exist that night (the spring daylight-saving gap) moves forward by the gap. Null when the value is no date-time.
 */
export function clinicLocalToInstant(local: LocalDateTime, timeZone: string): string | null {
  if (!localDateTime.test(local)) return null;
  try {
    return toUtcIso(parseInstant(local, timeZone));
  } catch {
    return null;
  }
}

/** An instant as the clinic's wall-clock time, the form a date-time field takes ("yyyy-MM-ddTHH:mm"). */
export function instantToClinicLocal(instant: Date, timeZone: string): LocalDateTime {
  return parseInstant(instant.toISOString(), timeZone).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** A sensible "later": the next whole hour at least an hour from now, in the clinic's zone. */
export function nextHourInClinic(now: Date, timeZone: string): LocalDateTime {
  return parseInstant(now.toISOString(), timeZone)
    .plus({ hours: 1 })
    .plus({ minutes: 59 })
    .startOf('hour')
    .toFormat("yyyy-MM-dd'T'HH:mm");
}

/** How the clinic reads an instant: in its zone, with its language's date and time formats ("02/04/2026 10:00"). */
export function describeClinicTime(instant: string, timeZone: string, language?: string | null): string {
  const conventions = LANGUAGE_CONVENTIONS[resolveLanguage(language) ?? 'fr'];
  return parseInstant(instant, timeZone).toFormat(`${conventions.date} ${conventions.time}`);
}
