/** A patient of the clinic as `GET /api/patients` lists it (the fields a sample takes). */
export interface DirectoryPatient {
  id: string;
  firstName?: string | null;
  lastName?: string | null;
  mobile?: string | null;
  email?: string | null;
  language?: string | null;
}

/** An appointment as `GET /api/appointments` lists it. */
export interface DirectoryAppointment {
  id: string;
  start: string;
  end?: string | null;
  status?: string;
  source?: string | null;
  serviceId?: string | null;
  /** The appointment's service as the picker found it in the clinic's services. */
  service?: { id: string; name: string } | null;
}

const present = <T extends object>(fields: T) =>
  Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== null && value !== undefined && value !== ''),
  );

/**
 * The sample with a real patient's and appointment's plain fields put in. Consent and attendance stay the
 * sample's (the engine derives them from stored records); a mobile not in E.164 stays the sample's, since the
 * simulation's context expects the international form.
 */
export function sampleFromDirectory(
  sampleJson: string,
  patient: DirectoryPatient,
  appointment?: DirectoryAppointment,
): string {
  const sample = JSON.parse(sampleJson) as Record<string, Record<string, unknown> | undefined>;
  const mobile = patient.mobile?.startsWith('+') ? patient.mobile.replace(/\s+/g, '') : undefined;
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
            ...sample.appointment,
            ...present({
              id: appointment.id,
              start: appointment.start,
              end: appointment.end,
              status: appointment.status,
              source: appointment.source,
              serviceId: appointment.serviceId,
            }),
          },
          // The real service, so the clinic's settings for it (channel toggles) apply in the simulation.
          ...(appointment.service
            ? { service: { ...sample.service, id: appointment.service.id, name: appointment.service.name } }
            : {}),
        }
      : {}),
  };
  return JSON.stringify(next, null, 2);
}
