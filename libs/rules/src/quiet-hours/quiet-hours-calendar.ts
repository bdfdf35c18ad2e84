import { DateTime } from 'luxon';
import { RRule, RRuleSet, type Weekday } from 'rrule';
import type { QuietHoursSettings } from '../context/evaluation-context.schema';
import { clinicZone } from '../time/clinic-zone';

/**
 * The clinic's sending calendar: when a message may go out, in the clinic's zone. Moments are luxon DateTimes for
 * callers; the evaluator uses the same calendar over epoch milliseconds (`QuietHoursCalendar<number>`).
 */
export interface QuietHoursCalendar<Moment = DateTime> {
  /** Whether a message may go out at this moment. */
  isAllowed(moment: Moment): boolean;
  /** Why a moment is quiet, in the clinic's words (null when allowed). */
  whyQuiet(moment: Moment): string | null;
  /** Why a moment is quiet, as a reason's parameters (null when allowed). */
  quietCause(moment: Moment): QuietCause | null;
  /** The first allowed moment at or after this one (within a year), or null. */
  nextAllowed(moment: Moment): Moment | null;
  /** The last allowed minute at or before this moment (within a year), or null. */
  lastAllowed(moment: Moment): Moment | null;
}

/**
 * Why a moment is quiet, as parameters of a reason: a holiday (a clinic-local day), a no-send weekday (ISO, 1 =
 * Monday), or a pause of the day (the moment's local time, the pause's bounds, 1 when it is the night pause).
 */
export type QuietCause =
  | { quiet: 'holiday'; day: string }
  | { quiet: 'no-send-day'; weekday: number }
  | { quiet: 'pause'; time: string; from: string; to: string; night: number };

/** A quiet cause in the clinic's words (English: logs, exports and data stored before reasons had codes). */
export function describeQuietCause(cause: QuietCause): string {
  switch (cause.quiet) {
    case 'holiday':
      return `${cause.day} is a holiday`;
    case 'no-send-day':
      return `${weekdayNames[cause.weekday - 1]} is a no-send day`;
    case 'pause':
      return `${cause.time} is in ${cause.night ? 'the night pause' : 'the quiet hours'} ${cause.from}–${cause.to}`;
  }
}

const rruleWeekdays: Weekday[] = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];
const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const searchDays = 400;
const chunkDays = 62;
const dayMillis = 86_400_000;
const maxCachedDays = 20_000;

/** A local calendar day as a number of days since 1970-01-01 (rrule's "floating" UTC dates are its midnights). */
type DayNumber = number;

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number; 1970-01-01 was a Thursday. */
const weekdayOf = (day: DayNumber): number => ((((day + 3) % 7) + 7) % 7) + 1;

const pad = (value: number): string => String(value).padStart(2, '0');

function minutesOf(time: string): number {
  const [hour, minute] = time.split(':').map(Number);
  return hour * 60 + minute;
}

/** A pause as minutes of the day: [start, end), going over midnight when end < start; equal bounds pause nothing. */
interface Pause {
  start: number;
  end: number;
  from: string;
  to: string;
  night: boolean;
}

/** Every pause of the settings: the windows, and the older single nightly pause. */
function pausesOf(settings: QuietHoursSettings | undefined): Pause[] {
  const windows = [
    ...(settings?.nightly ? [{ start: settings.nightly.from, end: settings.nightly.to }] : []),
    ...(settings?.windows ?? []),
  ];
  return windows
    .map(({ start, end }) => {
      const [from, to] = [minutesOf(start), minutesOf(end)];
      // a pause going on past midnight is the clinic's night pause; any other is named by its hours only
      return { start: from, end: to, from: start, to: end, night: from > to && to > 0 };
    })
    .filter((pause) => pause.start !== pause.end);
}

/** Whether a minute of the day falls in a pause. */
const inPause = (minute: number, { start, end }: Pause): boolean =>
  start < end ? minute >= start && minute < end : minute >= start || minute < end;

/** The allowed minute ranges [from, to) of a sending day: the day minus every pause, in order. */
function allowedRanges(pauses: readonly Pause[]): Array<[number, number]> {
  const edges = [0, 1440, ...pauses.flatMap((pause) => [pause.start, pause.end])];
  const cuts = [...new Set(edges)].sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    if (pauses.some((pause) => inPause(from, pause))) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === from) last[1] = to;
    else ranges.push([from, to]);
  }
  return ranges;
}

/**
 * The sending calendar over epoch milliseconds: local days and minutes come from the zone's offset, so a check costs
 * no luxon object; luxon is used once per local day, for the wall-clock edges of its allowed windows.
 */
export function sendingCalendar(
  settings: QuietHoursSettings | undefined,
  zone: string,
): QuietHoursCalendar<number> {
  const tz = clinicZone(zone);
  const noSend = new Set(settings?.noSendWeekdays ?? []);
  const holidays = new Set(settings?.holidays ?? []);
  const pauses = pausesOf(settings);
  const ranges = allowedRanges(pauses);
  const sendingWeekdays = rruleWeekdays.filter((_, index) => !noSend.has(index + 1));
  const dayCache = new Map<DayNumber, boolean>();
  const windowCache = new Map<DayNumber, Array<[number, number]>>();

  /** Clinic-local wall-clock time of an instant, as milliseconds since the local epoch. */
  const localOf = (millis: number): number => millis + tz.offset(millis) * 60_000;

  const fillDays = (first: DayNumber): void => {
    const set = new RRuleSet();
    const dtstart = new Date(first * dayMillis);
    const until = new Date((first + chunkDays - 1) * dayMillis);
    if (sendingWeekdays.length > 0) {
      set.rrule(new RRule({ freq: RRule.DAILY, dtstart, until, byweekday: sendingWeekdays }));
    }
    for (const holiday of holidays) set.exdate(new Date(`${holiday}T00:00:00Z`));
    const sending = new Set(set.all().map((date) => Math.floor(date.getTime() / dayMillis)));
    if (dayCache.size > maxCachedDays) dayCache.clear();
    for (let day = first; day < first + chunkDays; day++) dayCache.set(day, sending.has(day));
  };

  const isSendingDay = (day: DayNumber): boolean => {
    let sending = dayCache.get(day);
    if (sending === undefined) {
      fillDays(day);
      sending = dayCache.get(day) as boolean;
    }
    return sending;
  };

  /** The allowed windows of a local day as instants, oldest first (computed with luxon once per day). */
  const windowsOf = (day: DayNumber): Array<[number, number]> => {
    let windows = windowCache.get(day);
    if (!windows) {
      const noon = day * dayMillis + dayMillis / 2;
      const midnight = DateTime.fromMillis(noon - tz.offset(noon) * 60_000, { zone: tz }).startOf('day');
      windows = ranges.map(([from, to]) => [
        midnight.set({ hour: Math.floor(from / 60), minute: from % 60 }).toMillis(),
        (to === 1440
          ? midnight.plus({ days: 1 })
          : midnight.set({ hour: Math.floor(to / 60), minute: to % 60 })
        ).toMillis(),
      ]);
      if (windowCache.size > maxCachedDays) windowCache.clear();
      windowCache.set(day, windows);
    }
    return windows;
  };

  const isAllowedLocal = (local: number): boolean => {
    const day = Math.floor(local / dayMillis);
    if (!isSendingDay(day)) return false;
    const minute = Math.floor((local - day * dayMillis) / 60_000);
    return ranges.some(([from, to]) => minute >= from && minute < to);
  };

  const quietCause = (moment: number): QuietCause | null => {
    const local = localOf(moment);
    if (isAllowedLocal(local)) return null;
    const day = Math.floor(local / dayMillis);
    const date = new Date(day * dayMillis);
    const year = date.getUTCFullYear();
    const key =
      year >= 0 && year <= 9999
        ? date.toISOString().slice(0, 10)
        : (DateTime.fromMillis(moment, { zone: tz }).toISODate() as string);
    if (holidays.has(key)) return { quiet: 'holiday', day: key };
    const weekday = weekdayOf(day);
    if (noSend.has(weekday)) return { quiet: 'no-send-day', weekday };
    const minute = Math.floor((local - day * dayMillis) / 60_000);
    const pause = pauses.find((candidate) => inPause(minute, candidate));
    return {
      quiet: 'pause',
      time: `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`,
      from: pause?.from ?? '',
      to: pause?.to ?? '',
      night: pause?.night ? 1 : 0,
    };
  };

  return {
    isAllowed: (moment) => isAllowedLocal(localOf(moment)),
    quietCause,
    whyQuiet(moment) {
      const cause = quietCause(moment);
      return cause && describeQuietCause(cause);
    },
    nextAllowed(moment) {
      const today = Math.floor(localOf(moment) / dayMillis);
      for (let day = today; day < today + searchDays; day++) {
        if (!isSendingDay(day)) continue;
        for (const [from, to] of windowsOf(day)) {
          if (to > moment) return from > moment ? from : moment;
        }
      }
      return null;
    },
    lastAllowed(moment) {
      const today = Math.floor(localOf(moment) / dayMillis);
      for (let day = today; day > today - searchDays; day--) {
        if (!isSendingDay(day)) continue;
        const windows = windowsOf(day);
        for (let index = windows.length - 1; index >= 0; index--) {
          const [from, to] = windows[index];
          const last = to - 60_000;
          if (from <= moment) return last < moment ? last : moment;
        }
      }
      return null;
    },
  };
}

/**
 * Builds the sending calendar of a clinic: sending days are an rrule set (daily, on the weekdays that are not
 * no-send days, holidays as exclusion dates), each day minus every pause (window), all in the clinic's zone.
 */
export function quietHoursCalendar(
  settings: QuietHoursSettings | undefined,
  zone: string,
): QuietHoursCalendar {
  const calendar = sendingCalendar(settings, zone);
  const tz = clinicZone(zone);
  const moment = (millis: number | null): DateTime | null =>
    millis === null ? null : DateTime.fromMillis(millis, { zone: tz });
  return {
    isAllowed: (at) => calendar.isAllowed(at.toMillis()),
    whyQuiet: (at) => calendar.whyQuiet(at.toMillis()),
    quietCause: (at) => calendar.quietCause(at.toMillis()),
    nextAllowed: (at) => moment(calendar.nextAllowed(at.toMillis())),
    lastAllowed: (at) => moment(calendar.lastAllowed(at.toMillis())),
  };
}
