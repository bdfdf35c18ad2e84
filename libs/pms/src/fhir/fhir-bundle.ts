import { pmsEventSchema, type PmsEvent } from '@clinicflow/contract';
import type { BundleEntry, OperationOutcomeIssue, Parameters } from '@medplum/fhirtypes';
import { readFhirAppointment } from './fhir-appointment';
import { fhirError, fhirInformation } from './fhir-outcome';
import { readFhirPatient } from './fhir-patient';
import { indexResources, parseRestfulUrl, type LocatedResource } from './fhir-reference';
import { at, isObject, item, readInstant, readList, readObject, readText, type Issues } from './fhir-values';
import type { FhirChange } from './types';

/** A Bundle read: what each of its entries amounts to (same order), and the issues of the Bundle itself. */
export interface FhirBundleReading {
  issues: OperationOutcomeIssue[];
  entries: FhirChange[];
}

const invalid = (issues: Issues): FhirChange => ({ kind: 'invalid', issues });

/**
 * Reads a resource posted alone to `/fhir/Appointment` (`urlId`: the id in the URL of a PUT, which the
 * resource's own id must match, as FHIR's update requires).
 */
export function readFhirAppointmentBody(body: unknown, receivedAt: string, urlId?: string): FhirChange {
  if (!isObject(body) || body.resourceType !== 'Appointment') {
    return invalid([
      fhirError(
        null,
        'The body must be a FHIR Appointment in JSON (resourceType "Appointment")',
        'structure',
      ),
    ]);
  }
  if (urlId !== undefined && body.id !== undefined && body.id !== urlId) {
    return invalid([fhirError('Appointment.id', `must be the id in the URL (${urlId})`, 'invariant')]);
  }
  const located: LocatedResource = {
    resource: body as LocatedResource['resource'],
    path: 'Appointment',
    ...(urlId !== undefined ? { requestUrl: `Appointment/${urlId}` } : {}),
  };
  return readFhirAppointment(located, { receivedAt });
}

/** The answer to a body that is not a Bundle. */
function notABundle(): FhirBundleReading {
  return {
    issues: [fhirError(null, 'The body must be a FHIR Bundle in JSON (resourceType "Bundle")', 'structure')],
    entries: [],
  };
}

/** Reads a `transaction` or `batch` Bundle of Appointment and Patient entries (others are answered, not read). */
export function readFhirBundle(body: unknown, receivedAt: string): FhirBundleReading & { type?: string } {
  if (!isObject(body) || body.resourceType !== 'Bundle') return notABundle();
  const type = readText(body.type, 'Bundle.type', []);
  if (type !== 'transaction' && type !== 'batch') {
    const hint =
      type === 'history' ? ' (subscription notifications go to /api/fhir/subscription-notification)' : '';
    return {
      issues: [fhirError('Bundle.type', `must be transaction or batch${hint}`, 'code-invalid')],
      entries: [],
    };
  }
  const issues: Issues = [];
  const entries = readList(body.entry, 'Bundle.entry', issues);
  return { type, issues, entries: readEntries(entries, receivedAt, issues) };
}

/** The kind of a subscription notification, from its status resource (R4 backport Parameters or R4B/R5). */
function notificationType(entry: unknown): string | undefined {
  const resource = isObject(entry) ? entry.resource : undefined;
  if (!isObject(resource)) return undefined;
  if (resource.resourceType === 'SubscriptionStatus')
    return typeof resource.type === 'string' ? resource.type : undefined;
  if (resource.resourceType !== 'Parameters') return undefined;
  const parameters = Array.isArray(resource.parameter)
    ? (resource.parameter as Parameters['parameter'])!
    : [];
  const type = parameters.find((parameter) => isObject(parameter) && parameter.name === 'type');
  return typeof type?.valueCode === 'string' ? type.valueCode : undefined;
}

/**
 * Reads a FHIR Subscription rest-hook notification: a `history` Bundle (R4 backport) or a
 * `subscription-notification` Bundle (R4B/R5) whose first entry is the subscription's status and whose other
 * entries carry the changed resources. A handshake or heartbeat carries nothing to apply. A notification that
 * carries ids only is refused with the reason: clinicflow cannot fetch from the clinic's server.
 */
export function readFhirNotification(body: unknown, receivedAt: string): FhirBundleReading {
  if (!isObject(body) || body.resourceType !== 'Bundle') return notABundle();
  const type = readText(body.type, 'Bundle.type', []);
  if (type !== 'history' && type !== 'subscription-notification') {
    return {
      issues: [fhirError('Bundle.type', 'must be history or subscription-notification', 'code-invalid')],
      entries: [],
    };
  }
  const issues: Issues = [];
  const entries = readList(body.entry, 'Bundle.entry', issues);
  const kind = notificationType(entries[0]);
  if (kind === 'handshake' || kind === 'heartbeat') {
    issues.push(fhirInformation('Bundle.entry[0].resource', `${kind} received`));
    return { issues, entries: entries.map(() => ({ kind: 'skipped', issues: [] })) };
  }
  const statusEntries = kind === undefined ? 0 : 1;
  const changes = readEntries(entries, receivedAt, issues, statusEntries);
  return { issues, entries: changes };
}

/** The entry's resource with where it sits, when it has one. */
function locate(entry: unknown, path: string, issues: Issues): LocatedResource | undefined {
  if (!isObject(entry)) return undefined;
  const resource = readObject(entry.resource, at(path, 'resource'), issues);
  if (!resource || typeof resource.resourceType !== 'string') return undefined;
  const request = isObject(entry.request) ? entry.request : {};
  return {
    resource: resource as LocatedResource['resource'],
    path: at(path, 'resource'),
    ...(typeof entry.fullUrl === 'string' ? { fullUrl: entry.fullUrl } : {}),
    ...(typeof request.url === 'string' ? { requestUrl: request.url } : {}),
  };
}

/** Each entry read in the light of the others (references between entries); the first `skip` are statuses. */
function readEntries(entries: unknown[], receivedAt: string, issues: Issues, skip = 0): FhirChange[] {
  const located = entries.map((entry, i) => locate(entry, item('Bundle.entry', i), issues));
  const index = indexResources(located.filter((l): l is LocatedResource => l !== undefined));
  const changes = entries.map((entry, i): FhirChange => {
    const path = item('Bundle.entry', i);
    if (i < skip)
      return { kind: 'skipped', issues: [fhirInformation(at(path, 'resource'), 'subscription status')] };
    if (!isObject(entry)) return invalid([fhirError(path, 'must be an object', 'structure')]);
    const entryIssues: Issues = [];
    const request = readObject((entry as BundleEntry).request, at(path, 'request'), entryIssues);
    const method = request && readText(request.method, at(path, 'request.method'), entryIssues);
    if (method === 'DELETE') return readDeletion(entry as BundleEntry, path, receivedAt);
    if (method && method !== 'POST' && method !== 'PUT') {
      return invalid([fhirError(at(path, 'request.method'), 'must be POST, PUT or DELETE', 'not-supported')]);
    }
    const resource = located[i];
    if (!resource) {
      return invalid([
        ...entryIssues,
        fhirError(
          at(path, 'resource'),
          'is required: send full resources (a notification: payload full-resource)',
          'required',
        ),
      ]);
    }
    if (resource.resource.resourceType === 'Appointment') {
      const change = readFhirAppointment(resource, { receivedAt, index });
      return { ...change, issues: [...entryIssues, ...change.issues] } as FhirChange;
    }
    if (resource.resource.resourceType !== 'Patient') {
      const text = `${resource.resource.resourceType} is not read: clinicflow reads Appointment and Patient`;
      return { kind: 'skipped', issues: [fhirInformation(resource.path, text)] };
    }
    return { kind: 'skipped', issues: entryIssues };
  });
  return changes.map((change, i) =>
    located[i]?.resource.resourceType === 'Patient' && change.kind === 'skipped' && i >= skip
      ? readBundlePatient(located[i]!, changes, change.issues)
      : change,
  );
}

/** A Patient entry: carried by the Appointments that name it, or applied on its own. */
function readBundlePatient(located: LocatedResource, changes: FhirChange[], issues: Issues): FhirChange {
  const reading = readFhirPatient(located, issues);
  if (!reading || issues.some((issue) => issue.severity === 'error')) return invalid(issues);
  const carriedBy = changes.flatMap((change, i) =>
    change.kind === 'appointment' && change.event.patient?.externalId === reading.patient.externalId
      ? [i]
      : [],
  );
  return { kind: 'patient', patient: reading.patient, sources: reading.sources, carriedBy, issues };
}

/** A deleted Appointment (a DELETE entry): the appointment is gone, so it is cancelled. */
function readDeletion(entry: BundleEntry, path: string, receivedAt: string): FhirChange {
  const issues: Issues = [];
  const url = readText(entry.request?.url, at(path, 'request.url'), issues);
  const named = parseRestfulUrl(url?.split('?')[0]);
  if (!named || named.type !== 'Appointment') {
    const text = `DELETE of ${url ?? 'nothing'} is not read: clinicflow reads deleted Appointments only`;
    return issues.length
      ? invalid(issues)
      : { kind: 'skipped', issues: [fhirInformation(at(path, 'request.url'), text)] };
  }
  const response: Record<string, unknown> = isObject(entry.response) ? entry.response : {};
  const version =
    typeof response.etag === 'string' ? /^(?:W\/)?"?([^"]+)"?$/.exec(response.etag)?.[1] : undefined;
  const occurredAt = readInstant(response.lastModified, at(path, 'response.lastModified'), issues);
  if (issues.length) return invalid(issues);
  const event = pmsEventSchema.safeParse({
    id: `fhir:Appointment/${named.id}/_deleted${version ? `/_history/${version}` : ''}`,
    type: 'appointment.cancelled',
    occurredAt: occurredAt ?? receivedAt,
    appointment: { externalId: named.id, status: 'cancelled' },
  });
  if (!event.success)
    return invalid([fhirError(at(path, 'request.url'), 'names no appointment clinicflow can read')]);
  return { kind: 'appointment', event: event.data as PmsEvent, sources: {}, issues: [] };
}
