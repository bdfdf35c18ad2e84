import type { ClinicContext } from '../context/evaluation-context.schema';
import { quietHoursCalendar, type QuietHoursCalendar } from '../quiet-hours/quiet-hours-calendar';

const byClinic = new WeakMap<ClinicContext, QuietHoursCalendar>();

/** The clinic's sending calendar, built once per clinic settings object. */
export function cachedCalendar(clinic: ClinicContext): QuietHoursCalendar {
  let calendar = byClinic.get(clinic);
  if (!calendar) {
    calendar = quietHoursCalendar(clinic.quietHours, clinic.timeZone);
    byClinic.set(clinic, calendar);
  }
  return calendar;
}
