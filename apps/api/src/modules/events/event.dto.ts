import { appointmentTriggerEvents } from '@clinicflow/rules';
import { z } from 'zod';
import { pageFields } from '../../http/zod-validation';
import { languageSchema } from '../settings/settings.dto';

/** The events a PMS may post: the flow language's appointment events (not `patient.created` or `manual`). */
export const EVENT_TYPES = appointmentTriggerEvents;
export type EventType = (typeof EVENT_TYPES)[number];

export const APPOINTMENT_STATUSES = ['booked', 'confirmed', 'cancelled', 'attended', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a zone' });
const externalId = z.string().trim().min(1).max(200);

const appointmentSchema = z.object({
  externalId,
  start: instant.optional(),
  end: instant.optional(),
  status: z.enum(APPOINTMENT_STATUSES).optional(),
  source: z.enum(['online', 'staff', 'phone', 'pms']).optional(),
  serviceExternalId: externalId.optional(),
  resourceExternalId: externalId.optional(),
  locationExternalId: externalId.optional(),
  notes: z.string().max(2000).optional(),
});

const patientSchema = z.object({
  externalId,
  firstName: z.string().trim().max(200).optional(),
  lastName: z.string().trim().max(200).optional(),
  mobile: z.string().max(40).nullable().optional(),
  email: z.email().nullable().optional(),
  language: languageSchema.nullable().optional(),
  /** The patient's insurer as the PMS names it (batch sends pick recipients by it, F11). */
  insurer: z.string().trim().max(200).nullable().optional(),
});

/** One event from a practice-management system (api.md). Unknown fields are dropped. */
export const pmsEventSchema = z
  .object({
    id: z.string().trim().min(1).max(200),
    type: z.enum(EVENT_TYPES),
    occurredAt: instant,
    appointment: appointmentSchema.optional(),
    patient: patientSchema.optional(),
    resource: z.object({ externalId }).optional(),
    minutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .optional(),
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
    }
  });
export type PmsEvent = z.infer<typeof pmsEventSchema>;

export const MAX_BULK_EVENTS = 1000;

/** The envelope of a bulk post; each event is validated on its own and answered on its own. */
export const bulkEventsSchema = z.object({
  events: z.array(z.unknown()).min(1).max(MAX_BULK_EVENTS, `at most ${MAX_BULK_EVENTS} events per request`),
});

export const eventListQuerySchema = z.object({
  appointmentId: z.string().max(200).optional(),
  type: z.enum(EVENT_TYPES).optional(),
  ...pageFields(),
});
export type EventListQuery = z.infer<typeof eventListQuerySchema>;

export const eventExample = {
  id: 'pms-evt-123',
  type: 'appointment.booked',
  occurredAt: '2026-03-20T10:00:00Z',
  appointment: {
    externalId: 'A1',
    start: '2026-03-25T09:30:00+01:00',
    end: '2026-03-25T10:00:00+01:00',
    status: 'booked',
    source: 'online',
    serviceExternalId: 'S1',
    resourceExternalId: 'R1',
    locationExternalId: 'L1',
  },
  patient: {
    externalId: 'P1',
    firstName: 'Léa',
    lastName: 'Martin',
    mobile: '06 12 34 56 78',
    email: 'lea.martin@example.org',
    language: 'fr',
  },
};
