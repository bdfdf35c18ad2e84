import type { AppointmentStatus, EventType } from '@clinicflow/contract';

/** An appointment's status and times, as the PMS says them now or as clinicflow holds them. */
export interface AppointmentState {
  status: AppointmentStatus;
  /** ISO 8601 instants (or absent when not said). */
  start?: string | null;
  end?: string | null;
}

const EVENT_OF_STATUS: Record<Exclude<AppointmentStatus, 'booked'>, EventType> = {
  confirmed: 'appointment.confirmed',
  cancelled: 'appointment.cancelled',
  attended: 'appointment.attended',
  no_show: 'appointment.no_show',
};

const sameInstant = (a: string | null | undefined, b: string | null | undefined) =>
  a == null || b == null ? a == b : Date.parse(a) === Date.parse(b);

/**
 * The event an appointment's new state amounts to, given what clinicflow holds (`held`, null when it holds
 * nothing): what a PMS that sends states instead of events means (FHIR `Appointment`, HL7 SIU^S14). Null
 * when nothing the flows react to changed (the PMS only changed notes, the patient's phone, a reference):
 * the details are applied, no flow starts.
 */
export function eventOfAppointmentState(
  held: AppointmentState | null,
  now: AppointmentState,
): EventType | null {
  if (now.status !== 'booked') return held?.status === now.status ? null : EVENT_OF_STATUS[now.status];
  if (!held || held.status === 'cancelled' || held.status === 'no_show') return 'appointment.booked';
  // A time the PMS does not say is left as it is (applyEvent keeps it): it is not a move.
  const moved =
    (now.start != null && !sameInstant(held.start, now.start)) ||
    (now.end != null && !sameInstant(held.end, now.end));
  return moved ? 'appointment.rescheduled' : null;
}
