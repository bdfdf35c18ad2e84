import { appointmentTriggerEvents } from '@clinicflow/rules';
import {
  APPOINTMENT_STATUSES,
  bulkEventsSchema,
  EVENT_TYPES,
  MAX_BULK_EVENTS,
  pmsEventSchema,
} from './pms-event';

const booked = {
  id: 'pms-evt-123',
  type: 'appointment.booked',
  occurredAt: '2026-03-20T10:00:00Z',
  appointment: { externalId: 'A1', start: '2026-03-25T09:30:00+01:00', end: '2026-03-25T10:00:00+01:00' },
  patient: { externalId: 'P1', firstName: 'Léa', language: 'fr' },
};

const problemPaths = (value: unknown) =>
  (pmsEventSchema.safeParse(value).error?.issues ?? []).map((i) => i.path.join('.'));

describe('APPOINTMENT_STATUSES', () => {
  it("should be the flow language's appointment statuses", () => {
    expect(APPOINTMENT_STATUSES).toEqual(['booked', 'confirmed', 'cancelled', 'attended', 'no_show']);
  });
});

describe('pmsEventSchema', () => {
  it("should take the flow language's appointment events", () => {
    expect(EVENT_TYPES).toEqual(appointmentTriggerEvents);
  });

  it.each([
    ['a booking', booked],
    [
      'a confirmation',
      {
        id: 'e2',
        type: 'appointment.confirmed',
        occurredAt: booked.occurredAt,
        appointment: { externalId: 'A1' },
      },
    ],
    [
      'a delay',
      {
        id: 'e3',
        type: 'resource.delayed',
        occurredAt: booked.occurredAt,
        resource: { externalId: 'R1' },
        minutes: 15,
      },
    ],
    [
      'an absence by appointment',
      {
        id: 'e4',
        type: 'resource.absent',
        occurredAt: booked.occurredAt,
        appointment: { externalId: 'A1', resourceExternalId: 'R1' },
      },
    ],
  ])('should take %s', (_title, event) => {
    expect(problemPaths(event)).toEqual([]);
  });

  it("should take the patient's birth date, referring doctor and consent with its evidence", () => {
    const patient = {
      ...booked.patient,
      birthDate: '1990-06-01',
      referringDoctor: { name: 'Dr Hugo Bernard', email: 'h.bernard@example.org', phone: '01 45 67 89 00' },
      consent: {
        sms: { granted: true, purposes: ['reminders', 'recall'], at: '2026-03-01T10:00:00Z' },
        email: { granted: false, at: '2026-03-01T10:00:00Z' },
      },
    };
    expect(pmsEventSchema.parse({ ...booked, patient }).patient).toEqual(patient);
  });

  it('should drop unknown fields', () => {
    expect(pmsEventSchema.parse({ ...booked, extra: 1 })).not.toHaveProperty('extra');
  });

  it.each([
    { title: 'an unknown type', patch: { type: 'appointment.lost' }, paths: ['type'] },
    { title: 'a time without zone', patch: { occurredAt: '2026-03-20T10:00:00' }, paths: ['occurredAt'] },
    { title: 'a booking without appointment', patch: { appointment: undefined }, paths: ['appointment'] },
    { title: 'a booking without patient', patch: { patient: undefined }, paths: ['patient'] },
    {
      title: 'a booking without times',
      patch: { appointment: { externalId: 'A1' } },
      paths: ['appointment.start', 'appointment.end'],
    },
    {
      title: 'an end before the start',
      patch: { appointment: { ...booked.appointment, end: '2026-03-25T09:00:00+01:00' } },
      paths: ['appointment.end'],
    },
    {
      title: 'a birth date that is not a date',
      patch: { patient: { ...booked.patient, birthDate: '01/06/1990' } },
      paths: ['patient.birthDate'],
    },
    {
      title: 'consent without its time',
      patch: { patient: { ...booked.patient, consent: { sms: { granted: true } } } },
      paths: ['patient.consent.sms.at'],
    },
    {
      title: 'consent for an unknown purpose',
      patch: {
        patient: {
          ...booked.patient,
          consent: { sms: { granted: true, purposes: ['ads'], at: '2026-03-01T10:00:00Z' } },
        },
      },
      paths: ['patient.consent.sms.purposes.0'],
    },
    {
      title: 'a referring doctor without a name',
      patch: { patient: { ...booked.patient, referringDoctor: { email: 'h.bernard@example.org' } } },
      paths: ['patient.referringDoctor.name'],
    },
    {
      title: 'a delay without resource or minutes',
      patch: { type: 'resource.delayed', appointment: undefined },
      paths: ['resource', 'minutes'],
    },
  ])('should refuse $title', ({ patch, paths }) => {
    expect(problemPaths({ ...booked, ...patch })).toEqual(paths);
  });
});

describe('bulkEventsSchema', () => {
  it.each([
    [[booked], true],
    [[], false],
    [Array.from({ length: MAX_BULK_EVENTS + 1 }, () => booked), false],
  ])('should read %# events: %p', (events, valid) => {
    expect(bulkEventsSchema.safeParse({ events }).success).toBe(valid);
  });
});
