import { DateTime } from 'luxon';
import { clinicZone } from './clinic-zone';

/** A clinic-local day, "yyyy-MM-dd". */
export type LocalDay = string;

/**
 * The instant of "HH:mm" on a clinic-local day, in the clinic's zone. On the night clocks go forward a time that
 * does not exist moves forward by the gap (02:30 → 03:30); on the night they go back the first 01:30 is taken, so
 * a daily moment happens once every day whatever the clocks do.
 */
export function dailyMoment(day: LocalDay, time: string, zone: string): DateTime {
  const [year, month, date] = day.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const moment = DateTime.fromObject({ year, month, day: date, hour, minute }, { zone: clinicZone(zone) });
  // luxon may take the second of two identical wall-clock times: the same time under the offset of a few
  // hours before is the first one when it reads the same.
  const before = moment.minus({ hours: 3 }).offset;
  if (before <= moment.offset) return moment;
  const first = DateTime.fromMillis(moment.toMillis() - (before - moment.offset) * 60_000, {
    zone: clinicZone(zone),
  });
  return first.hour === hour && first.minute === minute && first.day === date ? first : moment;
}

/** The clinic-local day of an instant (epoch milliseconds), "yyyy-MM-dd". */
export function localDayOf(millis: number, zone: string): LocalDay {
  return DateTime.fromMillis(millis, { zone: clinicZone(zone) }).toISODate() as LocalDay;
}

/** The calendar day after a clinic-local day ("2026-03-28" → "2026-03-29"). */
export function dayAfter(day: LocalDay): LocalDay {
  return DateTime.fromISO(day, { zone: 'UTC' }).plus({ days: 1 }).toISODate() as LocalDay;
}

/**
 * Today's firing of an "every day at HH:mm" trigger at `now`: the clinic-local day and the instant, once that
 * instant has come; null before it. A firing missed while no process ran is still due later the same day (never
 * a past day's: its list would be stale).
 */
export function dueDailyFiring(
  now: number,
  time: string,
  zone: string,
): { day: LocalDay; at: number } | null {
  const day = localDayOf(now, zone);
  const at = dailyMoment(day, time, zone).toMillis();
  return now >= at ? { day, at } : null;
}
