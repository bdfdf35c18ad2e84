import { DateTime } from 'luxon';
import { LANGUAGE_CONVENTIONS, type Language } from '../languages/language';

/** What formatting depends on: the patient's language, the clinic's zone and currency, and now. */
export interface FormattingSettings {
  language: Language;
  timeZone: string;
  currency: string;
  now: Date;
}

/** An error in a helper call, with the call's position in the template. */
export class TemplateHelperError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'TemplateHelperError';
  }
}

/** Writes spaces as plain spaces: locales use no-break spaces that are not GSM-7 and cost SMS credits. */
function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f\u2009]/g, ' ');
}

/** Reads an ISO string, Date or epoch milliseconds as a date-time in the clinic's zone and language. */
export function toClinicDateTime(value: unknown, settings: FormattingSettings): DateTime {
  let dateTime: DateTime;
  if (value instanceof Date) dateTime = DateTime.fromJSDate(value);
  else if (typeof value === 'number') dateTime = DateTime.fromMillis(value);
  else if (typeof value === 'string') dateTime = DateTime.fromISO(value, { setZone: true });
  else throw new TemplateHelperError(`${JSON.stringify(value) ?? 'nothing'} is not a date.`);
  if (!dateTime.isValid) throw new TemplateHelperError(`"${String(value)}" is not a date.`);
  return dateTime.setZone(settings.timeZone).setLocale(settings.language);
}

/** Formats a date with luxon tokens in the patient's language ("EEEE d MMMM" → "jeudi 3 décembre"). */
export function formatDate(value: unknown, settings: FormattingSettings, format?: string): string {
  const conventions = LANGUAGE_CONVENTIONS[settings.language];
  return plainSpaces(toClinicDateTime(value, settings).toFormat(format ?? conventions.date));
}

/** Formats a time of day, "09:30". */
export function formatTime(value: unknown, settings: FormattingSettings): string {
  return toClinicDateTime(value, settings).toFormat(LANGUAGE_CONVENTIONS[settings.language].time);
}

/** The day of the week in the patient's language, "jeudi". */
export function formatWeekday(value: unknown, settings: FormattingSettings): string {
  return toClinicDateTime(value, settings).toFormat('cccc');
}

/** The day relative to now in calendar days: "aujourd'hui", "demain", "mañana", "i morgen". */
export function formatRelativeDay(value: unknown, settings: FormattingSettings): string {
  const day = toClinicDateTime(value, settings);
  const base = DateTime.fromJSDate(settings.now).setZone(settings.timeZone);
  return plainSpaces(day.toRelativeCalendar({ base, locale: settings.language, unit: 'days' }) ?? '');
}

/** A number written the way the patient's language writes it ("1 234,5"). */
export function formatNumber(value: unknown, settings: FormattingSettings): string {
  const number = Number(value);
  if (value === '' || value === null || Number.isNaN(number)) {
    throw new TemplateHelperError(`${JSON.stringify(value)} is not a number.`);
  }
  return plainSpaces(new Intl.NumberFormat(settings.language).format(number));
}

/** An amount in the clinic's currency, in the patient's language ("45,00 €"). */
export function formatPrice(value: unknown, settings: FormattingSettings): string {
  const number = Number(value);
  if (value === '' || value === null || Number.isNaN(number)) {
    throw new TemplateHelperError(`${JSON.stringify(value)} is not a price.`);
  }
  const format = new Intl.NumberFormat(settings.language, { style: 'currency', currency: settings.currency });
  return plainSpaces(format.format(number));
}
