import { appointmentTriggerEvents, type TriggerEvent } from '../flow/flow-parts.schema';

/** When a context field exists: always, for runs about an appointment, about a resource, or a resource alert. */
export type ContextFieldScope = 'always' | 'appointment' | 'resource' | 'delay';

/** One context field a condition may read and, unless `inTemplates` is false, a message may show (C3). */
export interface ContextField {
  path: string;
  label: string;
  type: 'string' | 'number' | 'datetime' | 'date' | 'boolean';
  scope: ContextFieldScope;
  /**
   * Whether a message template may show it. False for data a message must never carry (date of birth, the
   * attendance record) and for the trigger's own bookkeeping (`event.*`): conditions may still read those.
   * The channels library renders exactly the fields marked true (its tests check both catalogues agree).
   */
  inTemplates: boolean;
}

const f = (
  path: string,
  label: string,
  type: ContextField['type'],
  scope: ContextFieldScope,
  inTemplates = true,
): ContextField => ({
  path,
  label,
  type,
  scope,
  inTemplates,
});

/** Conditions only: never shown in a message. */
const conditionsOnly = false;

/** Every context field an expression may read, with when it exists and whether a template may show it. */
export const contextFieldCatalogue: readonly ContextField[] = [
  f('clinic.name', 'Clinic name', 'string', 'always'),
  f('clinic.phone', 'Clinic phone', 'string', 'always'),
  f('clinic.website', 'Clinic website', 'string', 'always'),
  f('clinic.email', 'Clinic e-mail', 'string', 'always'),
  f('patient.firstName', 'Patient first name', 'string', 'always'),
  f('patient.lastName', 'Patient last name', 'string', 'always'),
  f('patient.mobile', 'Patient mobile', 'string', 'always'),
  f('patient.email', 'Patient e-mail', 'string', 'always'),
  f('patient.address', 'Patient address', 'string', 'always'),
  f('patient.language', 'Patient language', 'string', 'always'),
  f('patient.birthDate', 'Patient date of birth', 'date', 'always', conditionsOnly),
  f('patient.attendance.visits', 'Number of past visits', 'number', 'always', conditionsOnly),
  f('patient.attendance.noShows', 'Number of missed visits', 'number', 'always', conditionsOnly),
  f('patient.attendance.lastVisitAt', 'Last visit', 'datetime', 'always', conditionsOnly),
  f('patient.nextAppointmentAt', 'Next appointment', 'datetime', 'always'),
  f('event.type', 'Event', 'string', 'always', conditionsOnly),
  f('event.at', 'Event time', 'datetime', 'always', conditionsOnly),
  f('appointment.start', 'Appointment start', 'datetime', 'appointment'),
  f('appointment.end', 'Appointment end', 'datetime', 'appointment'),
  f('appointment.status', 'Appointment status', 'string', 'appointment'),
  f('appointment.confirmation', 'Confirmation status', 'string', 'appointment'),
  f('appointment.source', 'Booked online or by staff', 'string', 'appointment'),
  f('appointment.bookedAt', 'Booked at', 'datetime', 'appointment'),
  f('appointment.previousStart', 'Previous start (rescheduled)', 'datetime', 'appointment'),
  f('service.name', 'Service name', 'string', 'appointment'),
  f('service.price', 'Service price', 'string', 'appointment'),
  f('service.duration', 'Service duration', 'string', 'appointment'),
  f('service.notes', 'Service notes', 'string', 'appointment'),
  f('service.prerequisites', 'Service prerequisites', 'string', 'appointment'),
  f('resource.name', 'Practitioner or room', 'string', 'resource'),
  f('resource.address', 'Practitioner address', 'string', 'resource'),
  f('resource.phone', 'Practitioner phone', 'string', 'resource'),
  f('location.name', 'Site name', 'string', 'appointment'),
  f('location.city', 'Site city', 'string', 'appointment'),
  f('location.address', 'Site address', 'string', 'appointment'),
  f('location.phone', 'Site phone', 'string', 'appointment'),
  f('location.notes', 'Site notes', 'string', 'appointment'),
  f('delay.minutes', 'Minutes late', 'number', 'delay'),
  f('delay.newStart', 'New expected start', 'datetime', 'delay'),
];

const appointmentEvents: ReadonlySet<TriggerEvent> = new Set<TriggerEvent>(appointmentTriggerEvents);

/** Whether runs started by this event are about one appointment (resource alerts run once per affected appointment). */
export function eventHasAppointment(event: TriggerEvent): boolean {
  return appointmentEvents.has(event);
}

/** The scopes present for a run started by any of these events (a field must exist for all of them). */
export function scopesForEvents(events: readonly TriggerEvent[]): Set<ContextFieldScope> {
  const scopes = new Set<ContextFieldScope>(['always']);
  if (events.length > 0 && events.every(eventHasAppointment)) scopes.add('appointment').add('resource');
  if (events.length > 0 && events.every((e) => e.startsWith('resource.'))) scopes.add('delay');
  return scopes;
}

/** The context fields a condition may read in a flow started by these events. */
export function fieldsForEvents(events: readonly TriggerEvent[]): ContextField[] {
  const scopes = scopesForEvents(events);
  return contextFieldCatalogue.filter((field) => scopes.has(field.scope));
}

/** The context fields a message template may show in a flow started by these events. */
export function templateFieldsForEvents(events: readonly TriggerEvent[]): ContextField[] {
  return fieldsForEvents(events).filter((field) => field.inTemplates);
}
