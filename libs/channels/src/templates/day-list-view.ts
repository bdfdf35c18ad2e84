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
