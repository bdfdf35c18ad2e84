import {
  APPOINTMENT_SOURCES,
  pmsEventSchema,
  type AppointmentStatus,
  type EventType,
  type PmsEvent,
} from '@clinicflow/contract';
import type {
  Appointment,
  AppointmentParticipant,
  Extension,
  OperationOutcomeIssue,
} from '@medplum/fhirtypes';
import { fhirEventId } from './fhir-event-id';
import { fhirError, fhirInformation, fhirWarning, hasErrors } from './fhir-outcome';
import { readFhirPatient } from './fhir-patient';
import {
  containedResources,
  externalIdOf,
  indexResources,
  resolveReference,
  type FhirResourceIndex,
  type LocatedResource,
  type ReferenceTarget,
} from './fhir-reference';
import { at, isObject, item, readInstant, readList, readObject, readText, type Issues } from './fhir-values';
import type { FhirChange, FieldSources } from './types';

/**
 * The extension saying how an appointment was booked (`valueCode`: online, staff, phone, pms): FHIR R4 has
 * no element for it, and the flows' "booked online" filter needs it.
 */
export const BOOKING_SOURCE_EXTENSION = 'urn:clinicflow:fhir:booking-source';

/** Our status for each FHIR `Appointment.status`; null: not an appointment yet (answered, not applied). */
export const STATUS_OF_FHIR: Record<Appointment['status'], Exclude<AppointmentStatus, 'confirmed'> | null> = {
  booked: 'booked',
  pending: 'booked',
  cancelled: 'cancelled',
  'entered-in-error': 'cancelled',
  noshow: 'no_show',
  fulfilled: 'attended',
  arrived: 'attended',
  'checked-in': 'attended',
  proposed: null,
  waitlist: null,
};

const TYPE_OF_STATUS: Record<Exclude<AppointmentStatus, 'confirmed'>, EventType> = {
  booked: 'appointment.booked',
  cancelled: 'appointment.cancelled',
  no_show: 'appointment.no_show',
  attended: 'appointment.attended',
};

/** What the API knows of where the resource came from. */
export interface FhirReadContext {
  /** When it was received (ISO 8601): the event's time when the resource has no `meta.lastUpdated`. */
  receivedAt: string;
  /** The Bundle's resources, where a participant's Patient is looked up. */
  index?: FhirResourceIndex;
}

/** The participants' references, sorted by what they name. */
interface Participants {
  patient?: { target: ReferenceTarget; path: string };
  practitioner?: string;
  role?: string;
  location?: string;
  service?: string;
}

const REFERENCE_FIELDS: Record<string, keyof Omit<Participants, 'patient'>> = {
  Practitioner: 'practitioner',
  PractitionerRole: 'role',
  Location: 'location',
  HealthcareService: 'service',
};

/** The field of our event each kind of participant fills. */
const EVENT_FIELDS: Record<keyof Omit<Participants, 'patient'>, string> = {
  practitioner: 'appointment.resourceExternalId',
  role: 'appointment.resourceExternalId',
  location: 'appointment.locationExternalId',
  service: 'appointment.serviceExternalId',
};

function readParticipants(
  appointment: Appointment,
  path: string,
  index: FhirResourceIndex,
  contained: LocatedResource[],
  issues: Issues,
  sources: FieldSources,
): Participants {
  const found: Participants = {};
  readList(appointment.participant, at(path, 'participant'), issues).forEach((participant, i) => {
    const participantPath = item(at(path, 'participant'), i);
    const actor = isObject(participant)
      ? readObject(
          (participant as unknown as AppointmentParticipant).actor,
          at(participantPath, 'actor'),
          issues,
        )
      : undefined;
    if (!actor) return;
    const actorPath = at(participantPath, 'actor');
    const target = resolveReference(actor, actorPath, index, contained, issues);
    if (!target) {
      issues.push(
        fhirWarning(at(actorPath, 'reference'), 'names nothing this Bundle or resource holds: left out'),
      );
      return;
    }
    if (target.type === 'Patient') {
      found.patient ??= { target, path: actorPath };
      return;
    }
    const field = REFERENCE_FIELDS[target.type];
    if (!field || found[field]) return;
    const id = target.id ?? (target.found && externalIdOf(target.found, issues, isContained(target)));
    if (!id) return;
    found[field] = id;
    // A Practitioner is the resource even when a PractitionerRole came first: its path is the one that counts.
    if (field !== 'role' || !found.practitioner) sources[EVENT_FIELDS[field]] = at(actorPath, 'reference');
  });
  return found;
}

const isContained = (target: ReferenceTarget) => target.found?.path.includes('.contained[') ?? false;

/** `Appointment.extension` of our booking source, when present. */
function readSource(appointment: Appointment, path: string, issues: Issues) {
  const extensions = readList(appointment.extension, at(path, 'extension'), issues);
  const i = extensions.findIndex(
    (extension) =>
      isObject(extension) && (extension as unknown as Extension).url === BOOKING_SOURCE_EXTENSION,
  );
  if (i < 0) return undefined;
  const valuePath = at(item(at(path, 'extension'), i), 'valueCode');
  const code = readText((extensions[i] as Extension).valueCode, valuePath, issues);
  if (code && (APPOINTMENT_SOURCES as readonly string[]).includes(code)) {
    return { source: code as (typeof APPOINTMENT_SOURCES)[number], path: valuePath };
  }
  issues.push(fhirError(valuePath, `must be one of ${APPOINTMENT_SOURCES.join(', ')}`, 'code-invalid'));
  return undefined;
}

function readStatus(appointment: Appointment, path: string, issues: Issues) {
  const statusPath = at(path, 'status');
  const status = readText(appointment.status, statusPath, issues);
  if (status === undefined) {
    issues.push(fhirError(statusPath, 'is required', 'required'));
    return undefined;
  }
  if (!(status in STATUS_OF_FHIR)) {
    issues.push(
      fhirError(statusPath, `must be one of ${Object.keys(STATUS_OF_FHIR).join(', ')}`, 'code-invalid'),
    );
    return undefined;
  }
  return status as Appointment['status'];
}

/** The service as `serviceType[0].coding[0].code` names it (when no HealthcareService takes part). */
function readServiceType(appointment: Appointment, path: string, issues: Issues, sources: FieldSources) {
  const [serviceType] = readList(appointment.serviceType, at(path, 'serviceType'), issues);
  const coding =
    isObject(serviceType) && Array.isArray(serviceType.coding) ? serviceType.coding[0] : undefined;
  const codePath = at(path, 'serviceType[0].coding[0].code');
  const code = isObject(coding) ? readText(coding.code, codePath, issues) : undefined;
  if (code) sources['appointment.serviceExternalId'] = codePath;
  return code;
}

/** The FHIR path an issue of our event's schema is about: the field's source, else the nearest parent's. */
export function fhirPathOf(sources: FieldSources, fieldPath: readonly PropertyKey[], fallback: string) {
  for (let length = fieldPath.length; length > 0; length--) {
    const source = sources[fieldPath.slice(0, length).map(String).join('.')];
    if (source) return source;
  }
  return fallback;
}

/**
 * Reads a FHIR `Appointment` (`located.path`: `Appointment` alone, `Bundle.entry[2].resource` in a Bundle) into
 * the PMS event of the appointment's state: the participants' references name the patient (read from the
 * Bundle or the contained resources when there), the practitioner, the location and the service. The event is
 * validated with the PMS events' schema; every problem names its FHIR path.
 */
export function readFhirAppointment(located: LocatedResource, context: FhirReadContext): FhirChange {
  const { path } = located;
  const appointment = located.resource as unknown as Appointment;
  const issues: OperationOutcomeIssue[] = [];
  const sources: FieldSources = { appointment: path, 'appointment.externalId': at(path, 'id') };

  const status = readStatus(appointment, path, issues);
  if (status && STATUS_OF_FHIR[status] === null) {
    return {
      kind: 'skipped',
      issues: [fhirInformation(at(path, 'status'), `is ${status}: not an appointment yet, so not applied`)],
    };
  }
  const externalId = externalIdOf(located, issues);
  if (!externalId)
    issues.push(fhirError(at(path, 'id'), 'is required: the appointment needs an id', 'required'));

  const start = readInstant(appointment.start, at(path, 'start'), issues);
  let end = readInstant(appointment.end, at(path, 'end'), issues);
  sources['appointment.start'] = at(path, 'start');
  sources['appointment.end'] = at(path, 'end');
  if (!end && start && typeof appointment.minutesDuration === 'number' && appointment.minutesDuration > 0) {
    end = new Date(Date.parse(start) + appointment.minutesDuration * 60_000).toISOString();
    sources['appointment.end'] = at(path, 'minutesDuration');
  }

  const contained = containedResources(located.resource, path, issues);
  const participants = readParticipants(
    appointment,
    path,
    context.index ?? indexResources(),
    contained,
    issues,
    sources,
  );
  const patient = participants.patient && readPatient(participants.patient, issues, sources);
  participants.service ??= readServiceType(appointment, path, issues, sources);
  const comment = readText(appointment.comment, at(path, 'comment'), issues);
  const description = readText(appointment.description, at(path, 'description'), issues);
  sources['appointment.notes'] = at(path, comment ? 'comment' : 'description');
  const source = readSource(appointment, path, issues);
  if (source) sources['appointment.source'] = source.path;

  const meta = readObject(appointment.meta, at(path, 'meta'), issues);
  const versionId = meta && readText(meta.versionId, at(path, 'meta.versionId'), issues);
  const lastUpdated = meta && readInstant(meta.lastUpdated, at(path, 'meta.lastUpdated'), issues);
  sources.id = at(path, versionId ? 'meta.versionId' : 'id');
  sources.occurredAt = at(path, 'meta.lastUpdated');
  if (hasErrors(issues) || !status || !externalId) return { kind: 'invalid', issues };

  const ours = STATUS_OF_FHIR[status]!;
  const event = {
    id: fhirEventId('Appointment', externalId, located.resource, versionId),
    type: TYPE_OF_STATUS[ours],
    occurredAt: lastUpdated ?? context.receivedAt,
    appointment: {
      externalId,
      status: ours,
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
      ...(source ? { source: source.source } : {}),
      ...(participants.service ? { serviceExternalId: participants.service } : {}),
      ...(participants.practitioner || participants.role
        ? { resourceExternalId: participants.practitioner ?? participants.role }
        : {}),
      ...(participants.location ? { locationExternalId: participants.location } : {}),
      ...(comment || description ? { notes: comment ?? description } : {}),
    },
    ...(patient ? { patient } : {}),
  };
  sources.patient = participants.patient?.path ?? at(path, 'participant');
  return validated(event, sources, issues, path);
}

/** The patient a participant names: read from the Bundle or the contained resources, else its id alone. */
function readPatient(
  { target, path }: { target: ReferenceTarget; path: string },
  issues: Issues,
  sources: FieldSources,
) {
  if (target.found) {
    const reading = readFhirPatient(target.found, issues, { contained: isContained(target) });
    if (!reading) return undefined;
    for (const [field, source] of Object.entries(reading.sources)) sources[`patient.${field}`] = source;
    return reading.patient;
  }
  sources['patient.externalId'] = at(path, 'reference');
  return { externalId: target.id! };
}

/** The event checked with the PMS events' schema, each of its problems named by its FHIR path. */
function validated(event: unknown, sources: FieldSources, issues: Issues, path: string): FhirChange {
  const parsed = pmsEventSchema.safeParse(event);
  if (parsed.success) return { kind: 'appointment', event: parsed.data as PmsEvent, sources, issues };
  const problems = parsed.error.issues.map((issue) =>
    fhirError(fhirPathOf(sources, issue.path, path), issue.message),
  );
  return { kind: 'invalid', issues: [...issues, ...problems] };
}
