import type { ClinicContext } from '../context/evaluation-context.schema';
import { sendingCalendar, type QuietHoursCalendar } from '../quiet-hours/quiet-hours-calendar';

const byClinic = new WeakMap<ClinicContext, QuietHoursCalendar<number>>();

/** The clinic's sending calendar over epoch milliseconds, built once per clinic settings object. */
export function cachedCalendar(clinic: ClinicContext): QuietHoursCalendar<number> {
  let calendar = byClinic.get(clinic);
  if (!calendar) {
    calendar = sendingCalendar(clinic.quietHours, clinic.timeZone);
    byClinic.set(clinic, calendar);
  }
  return calendar;
}
