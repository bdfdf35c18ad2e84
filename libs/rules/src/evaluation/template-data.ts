import { DateTime } from 'luxon';
import type { EvaluationContext } from '../context/evaluation-context.schema';
import { clinicZone } from '../time/clinic-zone';

/** The data templates and expressions see: the context plus computed fields (`delay.minutes`, `delay.newStart` for resource alerts). */
export function templateData(context: EvaluationContext, now?: string): Record<string, unknown> {
  const minutes = context.event.minutes;
  const start = context.appointment?.start;
  const late = context.event.type === 'resource.delayed' && typeof minutes === 'number' && start;
  const delay = context.event.type.startsWith('resource.')
    ? {
        minutes: late ? minutes : null,
        newStart: late
          ? DateTime.fromISO(start, { zone: clinicZone(context.clinic.timeZone) })
              .plus({ minutes })
              .toISO({ suppressMilliseconds: true })
          : null,
      }
    : undefined;
  return {
    clinic: context.clinic,
    patient: context.patient,
    appointment: context.appointment,
    service: context.service,
    resource: context.resource,
    location: context.location,
    event: context.event,
    delay,
    dayList: context.dayList,
    now,
  };
}
