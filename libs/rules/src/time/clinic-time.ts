import { DateTime, IANAZone } from 'luxon';
import type { TimeUnit } from '../flow/flow-parts.schema';
import { RulesError } from '../errors/rules-error';
import { RulesErrorCode } from '../errors/rules-error-code';
import { clinicZone } from './clinic-zone';
import { readPlainInstant, writeUtcInstant } from './utc-instant';

const zoneCache = new Map<string, boolean>();

/** Whether a clinic time zone is a known IANA zone. */
export function isKnownTimeZone(zone: string): boolean {
  let known = zoneCache.get(zone);
  if (known === undefined) {
    known = IANAZone.isValidZone(zone);
    zoneCache.set(zone, known);
  }
  return known;
}

const instantWithOffset = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:\d\d)$/;
const parsed = new Map<string, DateTime>();

/** Reads an ISO 8601 instant into the clinic's zone; raises RULES_INVALID_TIME or RULES_UNKNOWN_TIME_ZONE. */
export function parseInstant(iso: string, zone: string): DateTime {
  const key = `${zone}\u0000${iso}`;
  const known = parsed.get(key);
  if (known) return known;
  if (!isKnownTimeZone(zone)) {
    throw new RulesError(RulesErrorCode.UnknownTimeZone, [
      { nodeId: null, path: 'clinic.timeZone', message: `Unknown time zone "${zone}"` },
    ]);
  }
  const millis = instantWithOffset.test(iso) ? Date.parse(iso) : Number.NaN;
  const moment = Number.isFinite(millis)
    ? DateTime.fromMillis(millis, { zone: clinicZone(zone) })
    : DateTime.fromISO(iso, { zone: clinicZone(zone), setZone: false });
  if (!moment.isValid) {
    throw new RulesError(RulesErrorCode.InvalidTime, [
      { nodeId: null, path: '', message: `"${iso}" is not a date and time` },
    ]);
  }
  if (parsed.size >= 50_000) parsed.clear();
  parsed.set(key, moment);
  return moment;
}

/**
 * Reads an ISO 8601 instant as epoch milliseconds, with the errors of `parseInstant`. The usual form (date, time and
 * offset) is read without luxon; any other form goes through `parseInstant` in the clinic's zone.
 */
export function instantMillis(iso: string, zone: string): number {
  if (isKnownTimeZone(zone)) {
    const plain = readPlainInstant(iso);
    if (!Number.isNaN(plain)) return plain;
    const millis = instantWithOffset.test(iso) ? Date.parse(iso) : Number.NaN;
    if (Number.isFinite(millis)) return millis;
  }
  return parseInstant(iso, zone).toMillis();
}

/** An instant given as epoch milliseconds, as a luxon DateTime in the clinic's zone. */
export function momentAt(millis: number, zone: string): DateTime {
  return DateTime.fromMillis(millis, { zone: clinicZone(zone) });
}

/** `shiftMoment` over epoch milliseconds: elapsed units are plain arithmetic, calendar units go through luxon. */
export function shiftMillis(
  anchor: number,
  direction: 'before' | 'after',
  amount: number,
  unit: TimeUnit,
  zone: string,
): number {
  if (unit === 'minutes' || unit === 'hours') {
    return anchor + (direction === 'before' ? -1 : 1) * amount * (unit === 'hours' ? 3_600_000 : 60_000);
  }
  return shiftMoment(momentAt(anchor, zone), direction, amount, unit, zone).toMillis();
}

/** The clinic-local calendar day of an instant, as a number of days since 1970-01-01 (equal days, equal numbers). */
export function localDayNumber(millis: number, zone: string): number {
  return Math.floor((millis + clinicZone(zone).offset(millis) * 60_000) / 86_400_000);
}

/** An instant as UTC ISO 8601 without milliseconds ("2026-03-28T09:00:00Z"). */
export function toUtcIso(moment: DateTime): string {
  return utcIsoOf(moment.toMillis());
}

/** Epoch milliseconds as UTC ISO 8601 without milliseconds ("2026-03-28T09:00:00Z"). */
export function utcIsoOf(millis: number): string {
  return writeUtcInstant(millis);
}

/** An instant as clinic-local ISO 8601 with its offset ("2026-03-28T10:00:00+01:00"). */
export function toLocalIso(moment: DateTime, zone: string): string {
  return moment.setZone(clinicZone(zone)).toISO({ suppressMilliseconds: true }) as string;
}

/** Whether a unit counts elapsed time (minutes, hours) rather than calendar time (days, weeks, months). */
export function isElapsedUnit(unit: TimeUnit): boolean {
  return unit === 'minutes' || unit === 'hours';
}

/**
 * Moves a moment by an amount in the clinic's zone: hours and minutes are elapsed time, days, weeks and months keep
 * the local wall-clock time (scenario 12). A wall-clock time that does not exist that day moves forward by the gap.
 */
export function shiftMoment(
  anchor: DateTime,
  direction: 'before' | 'after',
  amount: number,
  unit: TimeUnit,
  zone: string,
): DateTime {
  const sign = direction === 'before' ? -1 : 1;
  if (unit === 'minutes' || unit === 'hours') {
    // Elapsed time is a fixed number of milliseconds; building the instant directly is ten times cheaper than a
    // luxon Duration and gives the same result.
    const millis = amount * (unit === 'hours' ? 3_600_000 : 60_000);
    return DateTime.fromMillis(anchor.toMillis() + sign * millis, { zone: clinicZone(zone) });
  }
  const local = anchor.setZone(clinicZone(zone));
  return direction === 'before' ? local.minus({ [unit]: amount }) : local.plus({ [unit]: amount });
}

/** The same local day at a given "HH:mm" in the clinic's zone. */
export function atLocalTimeOfDay(moment: DateTime, time: string, zone: string): DateTime {
  const [hour, minute] = time.split(':').map(Number);
  return moment.setZone(clinicZone(zone)).set({ hour, minute, second: 0, millisecond: 0 });
}

/** Whole hours between two instants, rounded down (for lead times). */
export function hoursBetween(from: DateTime, to: DateTime): number {
  return (to.toMillis() - from.toMillis()) / 3_600_000;
}

/** A short clinic-local wording of a moment, e.g. "Sat 28 Mar 2026 10:00". */
export function describeLocal(moment: DateTime, zone: string): string {
  return moment.setZone(clinicZone(zone)).toFormat('ccc d LLL yyyy HH:mm');
}
