import type { ConditionCheck } from '@clinicflow/rules';

/** The first values of a check when the user picks its kind. */
export function defaultConditionCheck(kind: ConditionCheck['kind']): ConditionCheck {
  switch (kind) {
    case 'has-consent':
    case 'channel-enabled':
      return { kind, channel: 'sms' };
    case 'appointment-status':
      return { kind, statuses: ['booked'] };
    case 'lead-time-at-least':
      return { kind, hours: 24 };
    case 'service-in':
      return { kind, serviceIds: [] };
    case 'resource-in':
      return { kind, resourceIds: [] };
    case 'weekday-in':
      return { kind, weekdays: [1, 2, 3, 4, 5] };
    case 'patient-age':
      return { kind };
    case 'expression':
      return { kind, logic: {} };
    default:
      return { kind } as ConditionCheck;
  }
}
