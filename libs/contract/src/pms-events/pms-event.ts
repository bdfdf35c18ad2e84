import { appointmentContextSchema, appointmentTriggerEvents } from '@clinicflow/rules';
import { z } from 'zod';
import {
  birthDateSchema,
  pmsConsentByChannelSchema,
  referringDoctorSchema,
} from '../directory/patient-fields';
import { patientGroupsSchema } from '../directory/patient-groups';
import { daySchema } from '../dates/dates';
import { languageSchema } from '../locale/locale';

/** The events a PMS may post: the flow language's appointment events (not `patient.created` or `manual`). */
export const EVENT_TYPES = appointmentTriggerEvents;
export type EventType = (typeof EVENT_TYPES)[number];
export const eventTypeSchema = z.enum(EVENT_TYPES);

/** An appointment's status as the PMS, the clinic's agenda and the flow language know it (rules' list). */
export const appointmentStatusSchema = appointmentContextSchema.shape.status.unwrap();
export type AppointmentStatus = z.infer<typeof appointmentStatusSchema>;
export const APPOINTMENT_STATUSES: readonly AppointmentStatus[] = appointmentStatusSchema.options;

/** How an appointment was made. */
export const APPOINTMENT_SOURCES = ['online', 'staff', 'phone', 'pms'] as const;
export type AppointmentSource = (typeof APPOINTMENT_SOURCES)[number];

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a zone' });

/** The longest absence one event may declare, in days. */
export const MAX_ABSENCE_DAYS = 92;

/** The clinic-local days a practitioner is absent, `from` to `to` both included (F9). */
export const absenceDaysSchema = z
  .object({ from: daySchema, to: daySchema })
  .refine((days) => days.to >= days.from, { path: ['to'], message: 'must not be before from' })
  .refine((days) => Date.parse(days.to) - Date.parse(days.from) < MAX_ABSENCE_DAYS * 86_400_000, {
    path: ['to'],
    message: `an absence covers at most ${MAX_ABSENCE_DAYS} days`,
  });
export type AbsenceDays = z.output<typeof absenceDaysSchema>;
const externalId = z.string().trim().min(1).max(200);

/** The appointment of an event, by the PMS's ids. */
export const pmsAppointmentSchema = z.object({
  externalId,
  start: instant.optional(),
  end: instant.optional(),
  status: appointmentStatusSchema.optional(),
  source: z.enum(APPOINTMENT_SOURCES).optional(),
  serviceExternalId: externalId.optional(),
  resourceExternalId: externalId.optional(),
  locationExternalId: externalId.optional(),
  notes: z.string().max(2000).optional(),
  /** A recall interval for this appointment (F7): a recall wait uses it before the service's interval. */
  recallMonths: z.number().int().min(1).max(120).nullable().optional(),
});

/** The patient of an event, by the PMS's id. */
export const pmsPatientSchema = z.object({
  externalId,
  firstName: z.string().trim().max(200).optional(),
  lastName: z.string().trim().max(200).optional(),
  mobile: z.string().max(40).nullable().optional(),
  email: z.email().nullable().optional(),
  language: languageSchema.nullable().optional(),
  /** The patient's insurer as the PMS names it (batch sends pick recipients by it, F11). */
  insurer: z.string().trim().max(200).nullable().optional(),
  /** The patient's groups as the PMS names them (batch sends pick recipients by one, F11). */
  groups: patientGroupsSchema.optional(),
  birthDate: birthDateSchema.nullable().optional(),
  referringDoctor: referringDoctorSchema.nullable().optional(),
  /** Consent per channel with its evidence; recorded with source `pms` and kept in the patient's history. */
  consent: pmsConsentByChannelSchema.optional(),
});
export type PmsPatient = z.infer<typeof pmsPatientSchema>;

/** One event from a practice-management system (`POST /api/events`, api.md). Unknown fields are dropped. */
export const pmsEventSchema = z
  .object({
    id: z.string().trim().min(1).max(200),
    type: eventTypeSchema,
    occurredAt: instant,
    appointment: pmsAppointmentSchema.optional(),
    patient: pmsPatientSchema.optional(),
    resource: z.object({ externalId }).optional(),
    minutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .optional(),
    /** `resource.absent` over several days: the clinic-local days it covers, both included (absent: today). */
    absence: absenceDaysSchema.optional(),
  })
  .superRefine((event, ctx) => {
    const need = (path: string[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (event.type.startsWith('appointment.')) {
      if (!event.appointment) need(['appointment'], `is required for ${event.type}`);
      const booking = event.type === 'appointment.booked' || event.type === 'appointment.rescheduled';
      if (booking && event.appointment && !event.appointment.start)
        need(['appointment', 'start'], 'is required');
      if (booking && event.appointment && !event.appointment.end) need(['appointment', 'end'], 'is required');
      const { start, end } = event.appointment ?? {};
      if (start && end && Date.parse(end) < Date.parse(start))
        need(['appointment', 'end'], 'must not be before start');
      if (event.type === 'appointment.booked' && !event.patient)
        need(['patient'], 'is required for a booking');
    } else {
      if (!event.resource && !event.appointment?.resourceExternalId) {
        need(['resource'], `is required for ${event.type}`);
      }
      if (event.type === 'resource.delayed' && event.minutes === undefined) need(['minutes'], 'is required');
      if (event.absence && event.type !== 'resource.absent')
        need(['absence'], 'only goes with resource.absent');
    }
  });
export type PmsEvent = z.output<typeof pmsEventSchema>;

export const MAX_BULK_EVENTS = 1000;

/** `POST /api/events/bulk`: the envelope; each event is validated on its own and answered on its own. */
export const bulkEventsSchema = z.object({
  events: z.array(z.unknown()).min(1).max(MAX_BULK_EVENTS, `at most ${MAX_BULK_EVENTS} events per request`),
});
export type BulkEvents = z.output<typeof bulkEventsSchema>;

/** `POST /api/events`: accepted, and whether the same `id` had come before (api.md). */
export const eventAnswerSchema = z.object({ accepted: z.literal(true), duplicate: z.boolean() });
export type EventAnswer = z.infer<typeof eventAnswerSchema>;
