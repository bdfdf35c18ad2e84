import { clinicLocalToInstant } from '../../send/utils/clinicDateTime';

/**
 * The instants of a range of clinic-local days picked on the Activity page (`yyyy-MM-dd`): from the first day's
 * start to the end of the last one, in the clinic's zone (one clock for all times). An empty day leaves that
 * bound out; without the zone yet, no bound is set.
 */
export function activityRange(
  fromDay: string,
  toDay: string,
  timeZone: string | null,
): { from?: string; to?: string } {
  if (!timeZone) return {};
  const from = fromDay ? clinicLocalToInstant(`${fromDay}T00:00`, timeZone) : null;
  const lastMinute = toDay ? clinicLocalToInstant(`${toDay}T23:59`, timeZone) : null;
  return {
    ...(from ? { from: new Date(from).toISOString() } : {}),
    // through the last second of the day
    ...(lastMinute ? { to: new Date(Date.parse(lastMinute) + 59_999).toISOString() } : {}),
  };
}
