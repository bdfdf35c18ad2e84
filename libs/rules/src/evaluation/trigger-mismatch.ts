import type { EvaluationContext } from '../context/evaluation-context.schema';
import { DAILY_TRIGGER_EVENT } from '../flow/flow-parts.schema';
import type { TriggerData } from '../flow/trigger-node.schema';
import { reasonOf, type Reason } from './reason';
import { SkipReasonCode } from './skip-reason-code';

/** Why a trigger does not start a run for this event, or null when it does. */
export function triggerMismatch(
  trigger: TriggerData,
  context: EvaluationContext,
): { code: SkipReasonCode; reason: string; why: Reason } | null {
  if (!trigger.events.includes(context.event.type)) {
    return {
      code: SkipReasonCode.NotTriggered,
      reason: `this flow does not start on ${context.event.type}`,
      why: reasonOf('not-triggered', { event: context.event.type }),
    };
  }
  // Every daily time of a clinic fires its own event: a flow starts on the one at its time only (a simulation's
  // event names no time: it is the flow's own).
  const firedAt = context.event.dailyAt;
  if (context.event.type === DAILY_TRIGGER_EVENT && firedAt !== undefined && trigger.dailyAt !== firedAt) {
    return {
      code: SkipReasonCode.NotTriggered,
      reason: `this flow runs every day at ${trigger.dailyAt ?? '(no time)'}, not at ${firedAt}`,
      why: reasonOf('not-triggered-daily', { dailyAt: trigger.dailyAt, firedAt }),
    };
  }
  const filters = trigger.filters;
  const appointment = context.appointment;
  const source = appointment?.source ?? 'staff';
  // a daily list is about a practitioner's day, not one booking: how a booking was made does not apply
  const sources = context.event.type === DAILY_TRIGGER_EVENT ? undefined : filters?.sources;
  if (sources?.length && !sources.includes(source)) {
    return {
      code: SkipReasonCode.FilteredOut,
      reason: `booked ${source === 'online' ? 'online' : 'by staff'}; this flow is for ${sources.join(' or ')} bookings only`,
      why: reasonOf('filtered-source', { source, sources: sources.join(',') }),
    };
  }
  const checks: Array<[string[] | undefined, string | undefined, 'service' | 'resource' | 'location']> = [
    [filters?.serviceIds, context.service?.id ?? appointment?.serviceId, 'service'],
    [filters?.resourceIds, context.resource?.id ?? appointment?.resourceId, 'resource'],
    [filters?.locationIds, context.location?.id ?? appointment?.locationId, 'location'],
  ];
  for (const [ids, id, what] of checks) {
    if (ids?.length && !ids.includes(id ?? ''))
      return {
        code: SkipReasonCode.FilteredOut,
        reason: `this flow is not for this ${what}`,
        why: reasonOf(`filtered-${what}`),
      };
  }
  return null;
}
