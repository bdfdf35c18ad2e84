import type { Appointment } from '@medplum/fhirtypes';
import {
  BOOKING_SOURCE_EXTENSION,
  fhirPathOf,
  readFhirAppointment,
  STATUS_OF_FHIR,
} from './fhir-appointment';
import { indexResources, type LocatedResource } from './fhir-reference';
import type { FhirChange } from './types';

const RECEIVED_AT = '2026-03-02T08:00:00.000Z';

function appointment(overrides: Partial<Appointment> = {}): Appointment {
  return {
    resourceType: 'Appointment',
    id: 'A-77',
    status: 'booked',
    start: '2026-03-07T10:00:00+01:00',
    end: '2026-03-07T10:30:00+01:00',
    participant: [
      { actor: { reference: 'Patient/P-77' }, status: 'accepted' },
      { actor: { reference: 'Practitioner/R-DUPONT' }, status: 'accepted' },
      { actor: { reference: 'Location/L-MAIN' }, status: 'accepted' },
    ],
    ...overrides,
  };
}

function read(resource: unknown, located: Partial<LocatedResource> = {}, index = indexResources()) {
  return readFhirAppointment(
    { resource: resource as LocatedResource['resource'], path: 'Appointment', ...located },
    { receivedAt: RECEIVED_AT, index },
  );
}

function event(change: FhirChange) {
  if (change.kind !== 'appointment')
    throw new Error(`expected an appointment, got ${JSON.stringify(change)}`);
  return change.event;
}

/** Each error as "path: reason". */
function errors(change: FhirChange) {
  return change.issues
    .filter((issue) => issue.severity === 'error')
    .map((issue) => `${issue.expression?.[0]}: ${issue.details?.text}`);
}

describe(readFhirAppointment.name, () => {
  it('should read a booked appointment and its references into a PMS event', () => {
    const sut = read(
      appointment({ comment: 'Bring your X-rays', serviceType: [{ coding: [{ code: 'S-CHECK' }] }] }),
    );
    expect(event(sut)).toEqual({
      id: expect.stringMatching(/^fhir:Appointment\/A-77\/[0-9a-f]{64}$/),
      type: 'appointment.booked',
      occurredAt: RECEIVED_AT,
      appointment: {
        externalId: 'A-77',
        status: 'booked',
        start: '2026-03-07T10:00:00+01:00',
        end: '2026-03-07T10:30:00+01:00',
        serviceExternalId: 'S-CHECK',
        resourceExternalId: 'R-DUPONT',
        locationExternalId: 'L-MAIN',
        notes: 'Bring your X-rays',
      },
      patient: { externalId: 'P-77' },
    });
    expect(sut.issues).toEqual([]);
  });

  it.each([
    ['booked', 'booked', 'appointment.booked'],
    ['pending', 'booked', 'appointment.booked'],
    ['cancelled', 'cancelled', 'appointment.cancelled'],
    ['entered-in-error', 'cancelled', 'appointment.cancelled'],
    ['noshow', 'no_show', 'appointment.no_show'],
    ['fulfilled', 'attended', 'appointment.attended'],
    ['arrived', 'attended', 'appointment.attended'],
    ['checked-in', 'attended', 'appointment.attended'],
  ] as const)('should read status %s as %s', (status, ours, type) => {
    const sut = event(read(appointment({ status })));
    expect(sut.appointment).toMatchObject({ status: ours });
    expect(sut.type).toBe(type);
  });

  it.each(['proposed', 'waitlist'] as const)(
    'should answer a %s appointment without applying it',
    (status) => {
      const sut = read(appointment({ status, start: undefined, end: undefined }));
      expect(sut.kind).toBe('skipped');
      expect(sut.issues).toEqual([
        expect.objectContaining({ severity: 'information', expression: ['Appointment.status'] }),
      ]);
    },
  );

  it('should cover every FHIR status', () => {
    expect(Object.keys(STATUS_OF_FHIR)).toHaveLength(10);
  });

  it.each([
    [
      'a time without a zone',
      { start: '2026-03-07T10:00:00' },
      'Appointment.start: must be an instant with a zone',
    ],
    ['a date alone', { end: '2026-03-07' }, 'Appointment.end: must be an instant such as'],
    ['a number', { start: 20260307 as never }, 'Appointment.start: must be a non-empty string'],
    ['an unknown status', { status: 'done' as never }, 'Appointment.status: must be one of booked'],
    ['no status', { status: undefined as never }, 'Appointment.status: is required'],
    ['no start for a booking', { start: undefined }, 'Appointment.start: is required'],
    ['no patient for a booking', { participant: [] }, 'Appointment.participant: is required for a booking'],
    ['notes too long', { comment: 'x'.repeat(2001) }, 'Appointment.comment: Too big'],
    [
      'a participant that is not an array',
      { participant: {} as never },
      'Appointment.participant: must be an array',
    ],
    [
      'a bad lastUpdated',
      { meta: { lastUpdated: 'yesterday' } },
      'Appointment.meta.lastUpdated: must be an instant',
    ],
  ])('should refuse %s, naming the FHIR path', (_title, overrides, problem) => {
    const sut = read(appointment(overrides));
    expect(sut.kind).toBe('invalid');
    expect(errors(sut).join('\n')).toContain(problem);
  });

  it('should refuse an appointment with no id, fullUrl or identifier', () => {
    const sut = read(appointment({ id: undefined }));
    expect(errors(sut)).toEqual(['Appointment.id: is required: the appointment needs an id']);
  });

  it.each([
    ['its RESTful fullUrl', { fullUrl: 'https://fhir.example/Appointment/A-9' }, {}, 'A-9'],
    ['its PUT URL', { requestUrl: 'Appointment/A-8' }, {}, 'A-8'],
    ['its identifier', {}, { identifier: [{ value: 'PMS-1' }] }, 'PMS-1'],
    ['a urn:uuid fullUrl as a last resort', { fullUrl: 'urn:uuid:1f0c' }, {}, 'urn:uuid:1f0c'],
  ])('should take the id from %s when the resource has none', (_title, located, overrides, id) => {
    const sut = event(read(appointment({ id: undefined, ...overrides }), located));
    expect(sut.appointment?.externalId).toBe(id);
  });

  it('should derive the event id from the version when there is one, and take lastUpdated as its time', () => {
    const sut = event(read(appointment({ meta: { versionId: '3', lastUpdated: '2026-03-01T09:00:00Z' } })));
    expect(sut).toMatchObject({ id: 'fhir:Appointment/A-77/_history/3', occurredAt: '2026-03-01T09:00:00Z' });
  });

  it('should give the same state the same event id whatever the order of its keys, and another state another', () => {
    const first = event(read(appointment())).id;
    const { participant, status, ...rest } = appointment();
    const reordered = event(read({ participant, ...rest, status })).id;
    const moved = event(
      read(appointment({ start: '2026-03-07T11:00:00+01:00', end: '2026-03-07T11:30:00+01:00' })),
    ).id;
    expect(reordered).toBe(first);
    expect(moved).not.toBe(first);
  });

  it('should compute the end from minutesDuration when there is none', () => {
    const sut = event(read(appointment({ end: undefined, minutesDuration: 45 })));
    expect(sut.appointment?.end).toBe('2026-03-07T09:45:00.000Z');
  });

  it('should read the booking source from our extension and refuse an unknown one', () => {
    const online = read(appointment({ extension: [{ url: BOOKING_SOURCE_EXTENSION, valueCode: 'online' }] }));
    expect(event(online).appointment?.source).toBe('online');
    const unknown = read(appointment({ extension: [{ url: BOOKING_SOURCE_EXTENSION, valueCode: 'fax' }] }));
    expect(errors(unknown)).toEqual([
      'Appointment.extension[0].valueCode: must be one of online, staff, phone, pms',
    ]);
  });

  it('should prefer a Practitioner to a PractitionerRole and a HealthcareService to the service type', () => {
    const sut = event(
      read(
        appointment({
          serviceType: [{ coding: [{ code: 'S-TYPE' }] }],
          participant: [
            { actor: { reference: 'PractitionerRole/ROLE-1' }, status: 'accepted' },
            { actor: { reference: 'https://fhir.example/Practitioner/R-2/_history/4' }, status: 'accepted' },
            { actor: { reference: 'HealthcareService/S-HYG' }, status: 'accepted' },
            { actor: { reference: 'Patient/P-1' }, status: 'accepted' },
            { actor: { reference: 'Device/D-1' }, status: 'accepted' },
          ],
        }),
      ),
    );
    expect(sut.appointment).toMatchObject({ resourceExternalId: 'R-2', serviceExternalId: 'S-HYG' });
    expect(sut.appointment?.locationExternalId).toBeUndefined();
  });

  it('should read a practitioner named by a logical reference, and warn of a reference it cannot resolve', () => {
    const sut = read(
      appointment({
        participant: [
          { actor: { reference: 'Patient/P-1' }, status: 'accepted' },
          { actor: { type: 'Practitioner', identifier: { value: 'R-LOGICAL' } }, status: 'accepted' },
          { actor: { reference: 'urn:uuid:nowhere' }, status: 'accepted' },
        ],
      }),
    );
    expect(event(sut).appointment?.resourceExternalId).toBe('R-LOGICAL');
    expect(sut.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        expression: ['Appointment.participant[2].actor.reference'],
      }),
    ]);
  });

  it('should read a contained patient, whose id comes from its identifier', () => {
    const sut = event(
      read(
        appointment({
          contained: [
            { resourceType: 'Patient', id: 'p', identifier: [{ value: 'P-55' }], name: [{ given: ['Léa'] }] },
          ],
          participant: [{ actor: { reference: '#p' }, status: 'accepted' }],
        }),
      ),
    );
    expect(sut.patient).toEqual({ externalId: 'P-55', firstName: 'Léa' });
  });

  it('should read the patient the Bundle holds, naming its fields by their place in the Bundle', () => {
    const patient = {
      resource: {
        resourceType: 'Patient',
        name: [{ given: ['Léa'] }],
        telecom: [{ system: 'email', value: 'nope' }],
      },
      path: 'Bundle.entry[0].resource',
      fullUrl: 'urn:uuid:patient-1',
    };
    const index = indexResources([patient as LocatedResource]);
    const resource = appointment({
      participant: [{ actor: { reference: 'urn:uuid:patient-1' }, status: 'accepted' }],
    });
    const sut = read(resource, { path: 'Bundle.entry[1].resource' }, index);
    expect(errors(sut)).toEqual(['Bundle.entry[0].resource.telecom[0].value: Invalid email address']);
  });
});

describe(fhirPathOf.name, () => {
  it.each([
    [['patient', 'mobile'], 'Patient.telecom[0].value'],
    [['patient', 'language'], 'Appointment.participant[0].actor'],
    [['appointment', 'notes'], 'Appointment'],
  ])('should name %j by its source or its nearest parent’s', (path, expected) => {
    const sources = {
      'patient.mobile': 'Patient.telecom[0].value',
      patient: 'Appointment.participant[0].actor',
    };
    expect(fhirPathOf(sources, path, 'Appointment')).toBe(expected);
  });
});
