/**
 * Reading and writing the instants the engine stores ("2026-05-12T08:00:00Z", "2026-05-12T10:00:00+02:00") without a
 * regular expression, `Date.parse` or `toISOString` on the hot path: the evaluator reads and writes several per event.
 * Both functions give exactly what the built-ins give; anything outside the plain forms is left to the built-ins.
 */

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const lastWrittenMillis = 253_402_300_800_000; // 10000-01-01T00:00:00Z
const char = { dash: 45, colon: 58, plus: 43, dot: 46, T: 84, Z: 90 } as const;

/** The number written with `count` decimal digits from `at`, or -1 when one of them is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let index = at; index < at + count; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/**
 * Epoch milliseconds of "yyyy-MM-ddTHH:mm:ss[.sss]Z" or "yyyy-MM-ddTHH:mm:ss[.sss]±HH:mm" (years 1000–9999, every
 * field in its range), or NaN for anything else (the caller then asks `Date.parse`).
 */
export function readPlainInstant(text: string): number {
  const withMillis = text.charCodeAt(19) === char.dot;
  const zoneAt = withMillis ? 23 : 19;
  const zoneLength = text.length - zoneAt;
  if (zoneLength !== 1 && zoneLength !== 6) return Number.NaN;
  if (
    text.charCodeAt(4) !== char.dash ||
    text.charCodeAt(7) !== char.dash ||
    text.charCodeAt(10) !== char.T ||
    text.charCodeAt(13) !== char.colon ||
    text.charCodeAt(16) !== char.colon
  )
    return Number.NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const millis = withMillis ? digits(text, 20, 3) : 0;
  if (year < 1000 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return Number.NaN;
  if (minute < 0 || minute > 59 || second < 0 || second > 59 || millis < 0) return Number.NaN;
  if (day > (month === 2 && isLeapYear(year) ? 29 : daysInMonth[month - 1])) return Number.NaN;
  let offset = 0;
  if (zoneLength === 1) {
    if (text.charCodeAt(zoneAt) !== char.Z) return Number.NaN;
  } else {
    const sign = text.charCodeAt(zoneAt);
    if ((sign !== char.plus && sign !== char.dash) || text.charCodeAt(zoneAt + 3) !== char.colon)
      return Number.NaN;
    const offsetHours = digits(text, zoneAt + 1, 2);
    const offsetMinutes = digits(text, zoneAt + 4, 2);
    if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return Number.NaN;
    offset = (sign === char.plus ? 1 : -1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset;
}

const two = (value: number): string => (value < 10 ? `0${value}` : `${value}`);

/** Epoch milliseconds as UTC ISO 8601, milliseconds left out when zero ("2026-03-28T09:00:00Z"). */
export function writeUtcInstant(millis: number): string {
  if (!Number.isInteger(millis) || millis < 0 || millis >= lastWrittenMillis) {
    const iso = new Date(millis).toISOString();
    return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
  }
  // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm, proleptic Gregorian calendar).
  const days = Math.floor(millis / 86_400_000);
  let rest = millis - days * 86_400_000;
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const milli = rest - second * 1000;
  const written = `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}`;
  return milli === 0 ? `${written}Z` : `${written}.${String(milli).padStart(3, '0')}Z`;
}
