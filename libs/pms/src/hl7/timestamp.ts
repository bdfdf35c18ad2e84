import { DateTime, FixedOffsetZone } from 'luxon';

const DTM = /^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.(\d{1,4}))?([+-]\d{4})?$/;

/**
 * An HL7 date-time (DTM/TS: `YYYYMMDDHHMM[SS[.S]][+ZZZZ]`) as an ISO 8601 instant with its offset; one written
 * without an offset is a wall time of `timeZone` (the clinic's). Null when it is not one, or less precise than
 * `precision` (an appointment needs its minute, a message its day).
 */
export function hl7Instant(
  value: string,
  timeZone: string,
  precision: 'minute' | 'day' = 'minute',
): string | null {
  const parts = DTM.exec(value.trim());
  if (!parts) return null;
  const [, year, month, day, hour, minute, second, fraction, offset] = parts;
  if (!day || (precision === 'minute' && !minute)) return null;
  const zone = offset
    ? FixedOffsetZone.instance(
        (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3))),
      )
    : timeZone;
  const at = DateTime.fromObject(
    {
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: Number(hour ?? 0),
      minute: Number(minute ?? 0),
      second: Number(second ?? 0),
      millisecond: fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0,
    },
    { zone },
  );
  return at.isValid ? at.toISO({ suppressMilliseconds: true }) : null;
}

/** An HL7 date (`YYYYMMDD`, or a DTM's first eight digits) as `YYYY-MM-DD`; null when it is not one. */
export function hl7Day(value: string): string | null {
  const parts = /^(\d{4})(\d{2})(\d{2})/.exec(value.trim());
  if (!parts) return null;
  const day = `${parts[1]}-${parts[2]}-${parts[3]}`;
  return DateTime.fromISO(day).isValid ? day : null;
}
