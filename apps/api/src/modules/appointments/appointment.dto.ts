import { appointmentStatusSchema } from '@clinicflow/contract';
import { z } from 'zod';
import { pageFields } from '../../http/zod-validation';

export const appointmentListQuerySchema = z.object({
  day: z.iso.date({ error: 'must be a day yyyy-MM-dd' }).optional(),
  resourceId: z.string().max(200).optional(),
  patientId: z.string().max(200).optional(),
  status: appointmentStatusSchema.optional(),
  ...pageFields(50),
});
export type AppointmentListQuery = z.infer<typeof appointmentListQuerySchema>;

export const appointmentExample = {
  id: 'apt_6a5b4c3d2e1f0a9b8c7d6e5f',
  externalId: 'A1',
  start: '2026-03-25T08:30:00.000Z',
  end: '2026-03-25T09:00:00.000Z',
  localDay: '2026-03-25',
  status: 'booked',
  source: 'online',
  notes: null,
  patientId: 'pat_0c1d2e3f4a5b6c7d8e9f0a1b',
  serviceId: 'svc_4f3e2d1c0b9a8f7e6d5c4b3a',
  resourceId: 'res_9e8d7c6b5a4f3e2d1c0b9a8f',
  locationId: 'loc_1a2b3c4d5e6f7a8b9c0d1e2f',
  unknownReferences: ['service'],
  lastEventType: 'appointment.booked',
  lastEventAt: '2026-03-20T10:00:00.000Z',
};

/** At most this many patients per `GET /api/appointments/next-visits` (a search page shows twenty). */
export const MAX_NEXT_VISIT_PATIENTS = 50;

/** The longest patient id the API gives (`pat_…` of an external id, or a UUID, both far shorter). */
const MAX_PATIENT_ID_LENGTH = 64;

/**
 * `GET /api/appointments/next-visits?patientIds=a,b`: the patients whose next visit is wanted, comma-separated.
 * Ids are letters, digits, `_` and `-`, so that the longest list allowed stays a URL every server takes (a
 * list of 50 ids of non-ASCII characters would be over Node's 16 kB of headers: a 431, the connection reset).
 */
export const nextVisitsQuerySchema = z.object({
  patientIds: z
    .string()
    .trim()
    .min(1, 'must name at least one patient')
    .max(MAX_NEXT_VISIT_PATIENTS * (MAX_PATIENT_ID_LENGTH + 1))
    .regex(/^[A-Za-z0-9_,\s-]*$/, 'must be patient ids (letters, digits, _ and -) separated by commas')
    .transform((value) => [
      ...new Set(
        value
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    ])
    .refine(
      (ids) => ids.length <= MAX_NEXT_VISIT_PATIENTS,
      `must name at most ${MAX_NEXT_VISIT_PATIENTS} patients`,
    )
    .refine(
      (ids) => ids.every((id) => id.length <= MAX_PATIENT_ID_LENGTH),
      `names a patient id longer than ${MAX_PATIENT_ID_LENGTH} characters`,
    ),
});
export type NextVisitsQuery = z.output<typeof nextVisitsQuerySchema>;
