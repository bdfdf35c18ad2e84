import type { EvaluationContext } from '../context/evaluation-context.schema';
import type { WaitData } from '../flow/wait-node.schema';
import { atLocalTimeOfDay, instantMillis, momentAt, shiftMillis } from '../time/clinic-time';

/** The moment a wait ends, or why it cannot be computed (missing appointment or last visit); epoch milliseconds. */
export type WaitMoment = { at: number; deadline: number | null } | { missing: string };

/** Where a wait counts from. */
function anchorOf(wait: WaitData, context: EvaluationContext, arrivedAt: number): number | string {
  const zone = context.clinic.timeZone;
  const appointment = context.appointment;
  switch (wait.relativeTo) {
    case 'appointment-start':
      return appointment ? instantMillis(appointment.start, zone) : 'no appointment';
    case 'appointment-end':
      return appointment?.end ? instantMillis(appointment.end, zone) : 'the appointment has no end time';
    case 'event':
      return instantMillis(context.event.at, zone);
    case 'last-visit': {
      const last =
        context.patient.attendance?.lastVisitAt ??
        (context.event.type === 'appointment.attended' ? appointment?.start : undefined);
      return last ? instantMillis(last, zone) : 'no last visit';
    }
    case 'previous-step':
      return arrivedAt;
  }
}

/**
 * F7: the recall interval a recall wait uses, most specific first: the appointment's (the PMS's), then its
 * service's; undefined when neither has one (the wait's own amount applies).
 */
export function recallMonthsOf(context: EvaluationContext): number | undefined {
  return context.appointment?.recallMonths ?? context.service?.recallMonths;
}

/**
 * Computes when a wait ends: the anchor moved by the amount (calendar units keep the wall-clock time, hours are
 * elapsed), then set to the fixed local time of day if any. Waits before the appointment start have it as deadline.
 */
export function waitMoment(wait: WaitData, context: EvaluationContext, arrivedAt: number): WaitMoment {
  const zone = context.clinic.timeZone;
  const anchor = anchorOf(wait, context, arrivedAt);
  if (typeof anchor === 'string') return { missing: anchor };
  const recall = wait.useServiceRecallInterval ? recallMonthsOf(context) : undefined;
  let at = recall
    ? shiftMillis(anchor, wait.direction, recall, 'months', zone)
    : shiftMillis(anchor, wait.direction, wait.amount, wait.unit, zone);
  if (wait.atLocalTime) at = atLocalTimeOfDay(momentAt(at, zone), wait.atLocalTime, zone).toMillis();
  const deadline = wait.relativeTo === 'appointment-start' && wait.direction === 'before' ? anchor : null;
  return { at, deadline };
}
