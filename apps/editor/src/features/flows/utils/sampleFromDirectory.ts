/** A patient of the clinic as `GET /api/patients` lists it (the fields a sample takes). */
export interface DirectoryPatient {
  id: string;
  firstName?: string | null;
  lastName?: string | null;
  mobile?: string | null;
  email?: string | null;
  language?: string | null;
  /** `yyyy-MM-dd`: tells namesakes apart in a search. */
  birthDate?: string | null;
}

/** An appointment as `GET /api/appointments` lists it. */
export interface DirectoryAppointment {
  id: string;
  start: string;
  end?: string | null;
  status?: string;
  source?: string | null;
  serviceId?: string | null;
  resourceId?: string | null;
  locationId?: string | null;
  /** The appointment's service as the picker found it in the clinic's services. */
  service?: { id: string; name: string } | null;
  /** The appointment's practitioner (or room) as the picker found it in the clinic's resources. */
  resource?: DirectoryResource | null;
  /** The appointment's site as the picker found it in the clinic's locations. */
  location?: DirectoryLocation | null;
}

/** A site of the clinic as `GET /api/locations` lists it. */
export interface DirectoryLocation {
  id: string;
  name: string;
  city?: string | null;
  phone?: string | null;
  address?: string | null;
  notes?: string | null;
}

/** A practitioner, room or chair as `GET /api/resources` lists it. */
export interface DirectoryResource {
  id: string;
  name: string;
  kind?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
}

const present = <T extends object>(fields: T) =>
  Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== null && value !== undefined && value !== ''),
  );

const international = (phone?: string | null) =>
  phone?.startsWith('+') ? phone.replace(/\s+/g, '') : undefined;

function withoutKey(part: Record<string, unknown> | undefined, key: string) {
  return Object.fromEntries(Object.entries(part ?? {}).filter(([name]) => name !== key));
}

/**
 * A directory entry of the appointment as a real run sees it: the fields the picker found, none of the sample's
 * left over; only its id when the picker did not find it; none when the appointment has none.
 */
function entryOf(
  id: string | null | undefined,
  found: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (!found) return id ? { id } : undefined;
  return present(found);
}

/** The appointment's practitioner (its phone is its mobile, as for a run). */
const practitionerOf = ({ resourceId, resource }: DirectoryAppointment) =>
  entryOf(
    resourceId,
    resource
      ? {
          id: resource.id,
          name: resource.name,
          kind: resource.kind,
          phone: resource.phone,
          mobile: international(resource.phone),
          email: resource.email,
          address: resource.address,
        }
      : undefined,
  );

/** The appointment's site. */
const locationOf = ({ locationId, location }: DirectoryAppointment) =>
  entryOf(
    locationId,
    location
      ? {
          id: location.id,
          name: location.name,
          city: location.city,
          phone: location.phone,
          address: location.address,
          notes: location.notes,
        }
      : undefined,
  );

/**
 * The sample with a real patient's and appointment's plain fields put in. Consent and attendance stay the
 * sample's (the engine derives them from stored records); a mobile not in E.164 stays the sample's, since the
 * simulation's context expects the international form. A picked appointment brings its service and its
 * practitioner and site (or their lack) in place of the sample's.
 */
export function sampleFromDirectory(
  sampleJson: string,
  patient: DirectoryPatient,
  appointment?: DirectoryAppointment,
): string {
  const sample = JSON.parse(sampleJson) as Record<string, Record<string, unknown> | undefined>;
  const mobile = international(patient.mobile);
  const next = {
    ...sample,
    patient: {
      ...sample.patient,
      ...present({
        id: patient.id,
        firstName: patient.firstName,
        lastName: patient.lastName,
        email: patient.email,
        language: patient.language,
        mobile,
      }),
    },
    ...(appointment
      ? {
          appointment: {
            ...withoutKey(withoutKey(sample.appointment, 'resourceId'), 'locationId'),
            ...present({
              id: appointment.id,
              start: appointment.start,
              end: appointment.end,
              status: appointment.status,
              source: appointment.source,
              serviceId: appointment.serviceId,
              resourceId: appointment.resourceId,
              locationId: appointment.locationId,
            }),
          },
          // The real service, so the clinic's settings for it (channel toggles) apply in the simulation.
          ...(appointment.service
            ? { service: { ...sample.service, id: appointment.service.id, name: appointment.service.name } }
            : {}),
          // The real practitioner, so conditions on it and the clinic's settings for it apply.
          resource: practitionerOf(appointment),
          // The real site, so its name, address and access notes read as the patient will read them.
          location: locationOf(appointment),
        }
      : {}),
  };
  return JSON.stringify(next, null, 2);
}
