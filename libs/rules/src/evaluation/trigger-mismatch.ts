import type { EvaluationContext } from '../context/evaluation-context.schema';
import type { TriggerData } from '../flow/trigger-node.schema';
import { SkipReasonCode } from './skip-reason-code';

/** Why a trigger does not start a run for this event, or null when it does. */
export function triggerMismatch(
  trigger: TriggerData,
  context: EvaluationContext,
): { code: SkipReasonCode; reason: string } | null {
  if (!trigger.events.includes(context.event.type)) {
    return { code: SkipReasonCode.NotTriggered, reason: `this flow does not start on ${context.event.type}` };
  }
  const filters = trigger.filters;
  const appointment = context.appointment;
  const source = appointment?.source ?? 'staff';
  if (filters?.sources?.length && !filters.sources.includes(source)) {
    return {
      code: SkipReasonCode.FilteredOut,
      reason: `booked ${source === 'online' ? 'online' : 'by staff'}; this flow is for ${filters.sources.join(' or ')} bookings only`,
    };
  }
  const checks: Array<[string[] | undefined, string | undefined, string]> = [
    [filters?.serviceIds, context.service?.id ?? appointment?.serviceId, 'service'],
    [filters?.resourceIds, context.resource?.id ?? appointment?.resourceId, 'resource'],
    [filters?.locationIds, context.location?.id ?? appointment?.locationId, 'location'],
  ];
  for (const [ids, id, what] of checks) {
    if (ids?.length && !ids.includes(id ?? ''))
      return { code: SkipReasonCode.FilteredOut, reason: `this flow is not for this ${what}` };
  }
  return null;
}
