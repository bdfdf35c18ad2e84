import { LANGUAGE_CONVENTIONS } from '../languages/language';
import { formatDate, formatTime, type FormattingSettings } from './template-helpers';

/** One appointment of a practitioner's day list, as the engine stores it in a message's data. */
export interface DayListAppointment {
  start: string;
  end?: string;
  patientName?: string;
  serviceName?: string;
  locationName?: string;
}

/** A practitioner's list of one day (F10): the day's local midnight as an instant, and its appointments. */
export interface DayListContext {
  date: string;
  count: number;
  appointments: DayListAppointment[];
}

/**
 * What the renderer writes from a day list in the message's language: the day in words (`longDate`) and the
 * list itself (`text`), one line per appointment, "09:30 Léa Martin, Détartrage (Cabinet du Parc)".
 */
export function dayListView(
  dayList: DayListContext,
  settings: FormattingSettings,
): DayListContext & { longDate: string; text: string } {
  const lines = dayList.appointments.map((appointment) => {
    const who = [appointment.patientName, appointment.serviceName].filter(Boolean).join(', ');
    const where = appointment.locationName ? ` (${appointment.locationName})` : '';
    return `${formatTime(appointment.start, settings)} ${who}${where}`.trimEnd();
  });
  return {
    ...dayList,
    longDate: formatDate(dayList.date, settings, LANGUAGE_CONVENTIONS[settings.language].longDate),
    text: lines.join('\n'),
  };
}

/** One of a patient's appointments of a day, as the engine stores it for a merged reminder. */
export interface PatientDayAppointment {
  start: string;
  serviceName?: string;
  resourceName?: string;
  locationName?: string;
}

/** A patient's appointments of one day, which one message names (one message per patient per day). */
export interface PatientDayContext {
  list: PatientDayAppointment[];
}

/**
 * What the renderer writes from a patient's appointments of a day in the message's language: how many
 * (`count`) and the list (`text`), one line each, "09:30 Détartrage, Dr Hugo Bernard (Cabinet du Parc)".
 */
export function patientDayView(
  day: PatientDayContext,
  settings: FormattingSettings,
): { count: number; text: string } {
  const lines = [...day.list]
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
    .map((appointment) => {
      const what = [appointment.serviceName, appointment.resourceName].filter(Boolean).join(', ');
      const where = appointment.locationName ? ` (${appointment.locationName})` : '';
      return `${formatTime(appointment.start, settings)} ${what}${where}`.trimEnd();
    });
  return { count: lines.length, text: lines.join('\n') };
}

/**
 * A message's own appointment as a one-line day, from its template data (the engine's `templateData`); the
 * renderer adds those of the reminders merged into it. Undefined when the message is about no appointment.
 */
export function ownAppointmentDay(data: Record<string, unknown>): PatientDayContext | undefined {
  const group = (name: string) => (data[name] ?? {}) as Record<string, unknown>;
  const start = group('appointment').start;
  if (typeof start !== 'string' || start === '') return undefined;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const entry: PatientDayAppointment = { start };
  const serviceName = text(group('service').name);
  const resourceName = text(group('resource').name);
  const locationName = text(group('location').name);
  if (serviceName) entry.serviceName = serviceName;
  if (resourceName) entry.resourceName = resourceName;
  if (locationName) entry.locationName = locationName;
  return { list: [entry] };
}
