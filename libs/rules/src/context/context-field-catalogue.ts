import { appointmentTriggerEvents, DAILY_TRIGGER_EVENT, type TriggerEvent } from '../flow/flow-parts.schema';
import { contextFields } from './context-fields';

/**
 * When a context field exists: always, for runs about an appointment, about a resource, or a resource alert;
 * `send`: only in a one-off or batch send, which a user of the clinic sends (never in a flow's run).
 */
export type ContextFieldScope = 'always' | 'appointment' | 'resource' | 'delay' | 'send' | 'dayList';

/** The group a field belongs to, its path's first part; the variable picker lists fields by group. */
export type ContextFieldGroup =
  | 'clinic'
  | 'patient'
  | 'event'
  | 'appointment'
  | 'service'
  | 'resource'
  | 'location'
  | 'delay'
  | 'user'
  | 'dayList'
  | 'appointments'
  | 'links';

/**
 * One field of the data a run sees: what conditions may read and messages may show (C3). The one catalogue
 * of both: the validator checks templates and conditions against it, the channels library renders exactly
 * the fields marked `inTemplates` and the editor's variable picker offers them.
 */
export interface ContextField {
  path: string;
  group: ContextFieldGroup;
  label: string;
  type: 'string' | 'number' | 'datetime' | 'date' | 'boolean';
  scope: ContextFieldScope;
  /**
   * Whether a message template may show it. False for data a message must never carry (date of birth, the
   * attendance record) and for the trigger's own bookkeeping (`event.*`): conditions may still read those.
   */
  inTemplates: boolean;
  /**
   * False for the appointment's dates in words (`appointment.longDate`, …): the renderer writes them from
   * `appointment.start` in the patient's language, so only messages have them; conditions read the instant.
   */
  inConditions: boolean;
  /** What it means, for the picker, in the editor's languages. */
  description: { en: string; fr: string };
  /** What the channels library's sample context renders for it (previews, the picker's example). */
  example: string;
  /** The code tuOtempO's manual uses for the same value (C3), for migrating templates. */
  legacyCode?: string;
}

/** Every context field an expression may read or a message may show, with when it exists. */
export const contextFieldCatalogue: readonly ContextField[] = contextFields;

/** The fields a message template may show, whatever started the flow (the variable picker's list). */
export const templateFieldCatalogue: readonly ContextField[] = contextFieldCatalogue.filter(
  (field) => field.inTemplates,
);

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
  // F10: a daily trigger runs once per practitioner, with the practitioner's list of the next day.
  if (dailyOnly(events)) scopes.add('resource').add('dayList');
  return scopes;
}

/** The context fields a condition may read in a flow started by these events. */
export function fieldsForEvents(events: readonly TriggerEvent[]): ContextField[] {
  const scopes = scopesForEvents(events);
  return contextFieldCatalogue.filter(
    (field) => field.inConditions && scopes.has(field.scope) && aboutAPatient(field, events),
  );
}

/** A daily trigger's runs are about a practitioner's day, not a patient: they have no patient fields or links. */
function aboutAPatient(field: ContextField, events: readonly TriggerEvent[]): boolean {
  return (field.group !== 'patient' && field.group !== 'links') || !dailyOnly(events);
}

/** Whether a flow starts on the daily trigger alone. */
function dailyOnly(events: readonly TriggerEvent[]): boolean {
  return events.length > 0 && events.every((e) => e === DAILY_TRIGGER_EVENT);
}

/**
 * The context fields a message template may show in a flow started by these events. The delay of a resource
 * alert is only known when the practitioner is late: a flow started only by absences has none to show.
 */
export function templateFieldsForEvents(events: readonly TriggerEvent[]): ContextField[] {
  const scopes = scopesForEvents(events);
  const late = events.includes('resource.delayed');
  return templateFieldCatalogue.filter(
    (field) => scopes.has(field.scope) && (field.scope !== 'delay' || late) && aboutAPatient(field, events),
  );
}

/** What a one-off or batch send is about: nobody (a number or address typed in), a patient, or an appointment. */
export type SendSubject = 'nobody' | 'patient' | 'appointment';

/**
 * The context fields the message of a one-off or batch send may show: the clinic's and the sending user's, the
 * patient's when it is about one, and the appointment's (with its service, resource and location) for a batch of
 * appointments. The API checks a send's text against it before planning anything.
 */
export function templateFieldsForSend(subject: SendSubject): ContextField[] {
  const scopes = new Set<ContextFieldScope>(['send']);
  if (subject !== 'nobody') scopes.add('always');
  if (subject === 'appointment') scopes.add('appointment').add('resource');
  return templateFieldCatalogue.filter((field) => field.group === 'clinic' || scopes.has(field.scope));
}
