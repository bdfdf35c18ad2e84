import { DateTime } from 'luxon';
import { RRule, RRuleSet, type Weekday } from 'rrule';
import type { QuietHoursSettings } from '../context/evaluation-context.schema';
import { clinicZone } from '../time/clinic-zone';

/** The clinic's sending calendar: when a message may go out, in the clinic's zone. */
export interface QuietHoursCalendar {
  /** Whether a message may go out at this moment. */
  isAllowed(moment: DateTime): boolean;
  /** Why a moment is quiet, in the clinic's words (null when allowed). */
  whyQuiet(moment: DateTime): string | null;
  /** The first allowed moment at or after this one (within a year), or null. */
  nextAllowed(moment: DateTime): DateTime | null;
  /** The last allowed minute at or before this moment (within a year), or null. */
  lastAllowed(moment: DateTime): DateTime | null;
}

const rruleWeekdays: Weekday[] = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];
const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const searchDays = 400;
const chunkDays = 62;

/** The numeric key (yyyymmdd) of an rrule "floating" UTC date. */
function floatingKey(date: Date): number {
  return date.getUTCFullYear() * 10_000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}

/** A local calendar date as rrule's "floating" UTC date. */
function floating(day: DateTime): Date {
  return new Date(Date.UTC(day.year, day.month - 1, day.day));
}

function minutesOf(time: string): number {
  const [hour, minute] = time.split(':').map(Number);
  return hour * 60 + minute;
}

/** The allowed minute ranges [from, to) of a sending day, from the nightly pause. */
function allowedRanges(nightly: QuietHoursSettings['nightly']): Array<[number, number]> {
  if (!nightly) return [[0, 1440]];
  const from = minutesOf(nightly.from);
  const to = minutesOf(nightly.to);
  if (from === to) return [[0, 1440]];
  if (from > to) return [[to, from]];
  return [
    [0, from],
    [to, 1440],
  ].filter(([a, b]) => b > a) as Array<[number, number]>;
}

/**
 * Builds the sending calendar of a clinic: sending days are an rrule set (daily, on the weekdays that are not
 * no-send days, holidays as exclusion dates), each day minus the nightly pause, all in the clinic's zone.
 */
export function quietHoursCalendar(
  settings: QuietHoursSettings | undefined,
  zone: string,
): QuietHoursCalendar {
  const tz = clinicZone(zone);
  const noSend = new Set(settings?.noSendWeekdays ?? []);
  const holidays = new Set(settings?.holidays ?? []);
  const ranges = allowedRanges(settings?.nightly);
  const sendingWeekdays = rruleWeekdays.filter((_, index) => !noSend.has(index + 1));
  const dayCache = new Map<number, boolean>();
  const windowCache = new Map<number, Array<[DateTime, DateTime]>>();
  const keyOf = (day: DateTime): number => day.year * 10_000 + day.month * 100 + day.day;

  const fillDays = (start: DateTime): void => {
    const set = new RRuleSet();
    const dtstart = floating(start);
    const until = new Date(dtstart.getTime() + (chunkDays - 1) * 86_400_000);
    if (sendingWeekdays.length > 0) {
      set.rrule(new RRule({ freq: RRule.DAILY, dtstart, until, byweekday: sendingWeekdays }));
    }
    for (const holiday of holidays) set.exdate(new Date(`${holiday}T00:00:00Z`));
    const sending = new Set(set.all().map((date) => floatingKey(date)));
    if (dayCache.size > 20_000) dayCache.clear();
    for (let offset = 0; offset < chunkDays; offset++) {
      const key = floatingKey(new Date(dtstart.getTime() + offset * 86_400_000));
      dayCache.set(key, sending.has(key));
    }
  };

  const isSendingDay = (day: DateTime): boolean => {
    const key = keyOf(day);
    let sending = dayCache.get(key);
    if (sending === undefined) {
      fillDays(day.startOf('day'));
      sending = dayCache.get(key) as boolean;
    }
    return sending;
  };

  /** The allowed windows of a local day, oldest first (cached per day). */
  const windowsOf = (day: DateTime): Array<[DateTime, DateTime]> => {
    const key = keyOf(day);
    let windows = windowCache.get(key);
    if (!windows) {
      const midnight = day.startOf('day');
      windows = ranges.map(([from, to]) => [
        midnight.set({ hour: Math.floor(from / 60), minute: from % 60 }),
        to === 1440
          ? midnight.plus({ days: 1 })
          : midnight.set({ hour: Math.floor(to / 60), minute: to % 60 }),
      ]);
      if (windowCache.size > 20_000) windowCache.clear();
      windowCache.set(key, windows);
    }
    return windows;
  };

  const isAllowed = (moment: DateTime): boolean => {
    const local = moment.setZone(tz);
    if (!isSendingDay(local)) return false;
    const minute = local.hour * 60 + local.minute;
    return ranges.some(([from, to]) => minute >= from && minute < to);
  };

  return {
    isAllowed,
    whyQuiet(moment) {
      const local = moment.setZone(tz);
      if (isAllowed(local)) return null;
      const key = local.toISODate() as string;
      if (holidays.has(key)) return `${key} is a holiday`;
      if (noSend.has(local.weekday)) return `${weekdayNames[local.weekday - 1]} is a no-send day`;
      return `${local.toFormat('HH:mm')} is in the night pause ${settings?.nightly?.from}–${settings?.nightly?.to}`;
    },
    nextAllowed(moment) {
      const local = moment.setZone(tz);
      let day = local;
      for (let offset = 0; offset < searchDays; offset++, day = day.plus({ days: 1 })) {
        if (!isSendingDay(day)) continue;
        for (const [from, to] of windowsOf(day)) {
          if (to > local) return from > local ? from : local;
        }
      }
      return null;
    },
    lastAllowed(moment) {
      const local = moment.setZone(tz);
      let day = local;
      for (let offset = 0; offset < searchDays; offset++, day = day.minus({ days: 1 })) {
        if (!isSendingDay(day)) continue;
        for (const [from, to] of [...windowsOf(day)].reverse()) {
          const last = to.minus({ minutes: 1 });
          if (from <= local) return last < local ? last : local;
        }
      }
      return null;
    },
  };
}
