import { eventTypeSchema } from '@clinicflow/contract';
import { z } from 'zod';
import { pageFields } from '../../http/zod-validation';

/** PMS events are part of the shared contract (libs/contract); re-exported for the API's files. */
export {
  EVENT_TYPES,
  APPOINTMENT_STATUSES,
  MAX_BULK_EVENTS,
  pmsEventSchema,
  bulkEventsSchema,
  type EventType,
  type AppointmentStatus,
  type PmsEvent,
} from '@clinicflow/contract';

export const eventListQuerySchema = z.object({
  appointmentId: z.string().max(200).optional(),
  type: eventTypeSchema.optional(),
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
    birthDate: '1990-06-01',
    referringDoctor: { name: 'Dr Hugo Bernard', email: 'h.bernard@example.org' },
    consent: { sms: { granted: true, purposes: ['reminders', 'recall'], at: '2026-03-01T10:00:00Z' } },
  },
};
