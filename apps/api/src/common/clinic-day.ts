import { DateTime } from 'luxon';

/** The clinic-local calendar day (YYYY-MM-DD) of an instant: what reports and "today" group by. */
export function clinicDay(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISODate()!;
}
