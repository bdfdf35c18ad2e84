import type { Appointment, Bundle, Patient } from '@medplum/fhirtypes';
import { readFhirAppointmentBody, readFhirBundle, readFhirNotification } from './fhir-bundle';
import type { FhirChange } from './types';

const RECEIVED_AT = '2026-03-02T08:00:00.000Z';

const patient: Patient = {
  resourceType: 'Patient',
  id: 'P-77',
  name: [{ family: 'Martin', given: ['Léa'] }],
  telecom: [{ system: 'phone', use: 'mobile', value: '06 12 34 56 78' }],
};

function appointment(overrides: Partial<Appointment> = {}): Appointment {
  return {
    resourceType: 'Appointment',
    id: 'A-77',
    meta: { versionId: '1', lastUpdated: '2026-03-02T07:59:00Z' },
    status: 'booked',
    start: '2026-03-07T10:00:00+01:00',
    end: '2026-03-07T10:30:00+01:00',
    participant: [{ actor: { reference: 'urn:uuid:patient-77' }, status: 'accepted' }],
    ...overrides,
  };
}

function transaction(type: string, entry: Bundle['entry']): unknown {
  return { resourceType: 'Bundle', type, entry };
}

const kinds = (changes: FhirChange[]) => changes.map((change) => change.kind);
const errorPaths = (change: FhirChange) =>
  change.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.expression?.[0] ?? null);

describe(readFhirAppointmentBody.name, () => {
  it('should read an Appointment and take the URL’s id for a PUT', () => {
    const sut = readFhirAppointmentBody(
      appointment({
        id: undefined,
        participant: [{ actor: { reference: 'Patient/P-1' }, status: 'accepted' }],
      }),
      RECEIVED_AT,
      'A-5',
    );
    expect(sut.kind === 'appointment' && sut.event.appointment?.externalId).toBe('A-5');
  });

  it.each([
    ['something else than an Appointment', patient, undefined, [null]],
    ['a body that is not an object', 'x', undefined, [null]],
    ['an id other than the URL’s', appointment(), 'A-6', ['Appointment.id']],
  ])('should refuse %s', (_title, body, urlId, paths) => {
    const sut = readFhirAppointmentBody(body, RECEIVED_AT, urlId);
    expect(sut.kind).toBe('invalid');
    expect(errorPaths(sut)).toEqual(paths);
  });
});

describe(readFhirBundle.name, () => {
  it('should read an Appointment with the Patient it names by fullUrl, the Patient carried by it', () => {
    const sut = readFhirBundle(
      transaction('transaction', [
        {
          fullUrl: 'urn:uuid:patient-77',
          resource: patient,
          request: { method: 'PUT', url: 'Patient/P-77' },
        },
        { resource: appointment(), request: { method: 'PUT', url: 'Appointment/A-77' } },
        {
          resource: { resourceType: 'Practitioner', id: 'R-1' },
          request: { method: 'PUT', url: 'Practitioner/R-1' },
        },
      ]),
      RECEIVED_AT,
    );
    expect(sut.type).toBe('transaction');
    expect(kinds(sut.entries)).toEqual(['patient', 'appointment', 'skipped']);
    const [carried, booked] = sut.entries;
    expect(carried).toMatchObject({ kind: 'patient', carriedBy: [1], patient: { externalId: 'P-77' } });
    expect(booked).toMatchObject({
      kind: 'appointment',
      event: {
        id: 'fhir:Appointment/A-77/_history/1',
        patient: { externalId: 'P-77', firstName: 'Léa', lastName: 'Martin', mobile: '06 12 34 56 78' },
      },
    });
  });

  it('should read a Patient alone as one to apply on its own, and refuse one without a name’s shape', () => {
    const sut = readFhirBundle(
      transaction('batch', [
        { resource: { ...patient, id: 'P-1' } },
        { resource: { ...patient, id: 'P-2', telecom: 'x' as never } },
      ]),
      RECEIVED_AT,
    );
    expect(sut.entries[0]).toMatchObject({ kind: 'patient', carriedBy: [] });
    expect(errorPaths(sut.entries[1])).toEqual(['Bundle.entry[1].resource.telecom']);
  });

  it('should answer each bad entry with its path', () => {
    const sut = readFhirBundle(
      transaction('batch', [
        'x' as never,
        { request: { method: 'GET', url: 'Appointment/A-1' } },
        { request: { method: 'POST', url: 'Appointment' } },
        { resource: appointment({ start: '2026-03-07T10:00:00' }) },
      ]),
      RECEIVED_AT,
    );
    expect(sut.entries.map(errorPaths)).toEqual([
      ['Bundle.entry[0]'],
      ['Bundle.entry[1].request.method'],
      ['Bundle.entry[2].resource'],
      ['Bundle.entry[3].resource.start'],
    ]);
  });

  it('should read a deleted Appointment as cancelled, once per version', () => {
    const sut = readFhirBundle(
      transaction('transaction', [
        {
          request: { method: 'DELETE', url: 'Appointment/A-77' },
          response: { status: '204', etag: 'W/"4"' },
        },
        { request: { method: 'DELETE', url: 'Patient/P-77' } },
        {
          request: { method: 'DELETE', url: 'Appointment/A-1' },
          response: { status: '204', lastModified: 'x' },
        },
      ]),
      RECEIVED_AT,
    );
    expect(sut.entries[0]).toMatchObject({
      kind: 'appointment',
      event: {
        id: 'fhir:Appointment/A-77/_deleted/_history/4',
        type: 'appointment.cancelled',
        occurredAt: RECEIVED_AT,
        appointment: { externalId: 'A-77', status: 'cancelled' },
      },
    });
    expect(sut.entries[1].kind).toBe('skipped');
    expect(errorPaths(sut.entries[2])).toEqual(['Bundle.entry[2].response.lastModified']);
  });

  it.each([
    ['not a Bundle', patient, null],
    ['a collection', transaction('collection', []), 'Bundle.type'],
    ['a history Bundle (a notification)', transaction('history', []), 'Bundle.type'],
  ])('should refuse %s', (_title, body, path) => {
    const sut = readFhirBundle(body, RECEIVED_AT);
    expect(sut.entries).toEqual([]);
    expect(sut.issues.map((issue) => issue.expression?.[0] ?? null)).toEqual([path]);
  });
});

describe(readFhirNotification.name, () => {
  const backportStatus = (type: string): NonNullable<Bundle['entry']>[number] => ({
    fullUrl: 'urn:uuid:status',
    resource: {
      resourceType: 'Parameters',
      parameter: [
        { name: 'subscription', valueReference: { reference: 'Subscription/S-1' } },
        { name: 'type', valueCode: type },
      ],
    },
  });

  it('should read an R4 backport event notification’s resources after its status', () => {
    const sut = readFhirNotification(
      transaction('history', [
        backportStatus('event-notification'),
        { fullUrl: 'urn:uuid:patient-77', resource: patient },
        { fullUrl: 'https://fhir.example/Appointment/A-77', resource: appointment({ status: 'cancelled' }) },
      ]),
      RECEIVED_AT,
    );
    expect(kinds(sut.entries)).toEqual(['skipped', 'patient', 'appointment']);
    expect(sut.entries[2]).toMatchObject({ event: { type: 'appointment.cancelled' } });
  });

  it('should read an R4B/R5 notification and refuse an id-only entry with the reason', () => {
    const sut = readFhirNotification(
      transaction('subscription-notification', [
        { resource: { resourceType: 'SubscriptionStatus', type: 'event-notification' } } as never,
        { fullUrl: 'https://fhir.example/Appointment/A-77' },
      ]),
      RECEIVED_AT,
    );
    expect(kinds(sut.entries)).toEqual(['skipped', 'invalid']);
    expect(sut.entries[1].issues[0].details?.text).toContain('full-resource');
  });

  it.each(['handshake', 'heartbeat'])('should apply nothing of a %s', (type) => {
    const sut = readFhirNotification(transaction('history', [backportStatus(type)]), RECEIVED_AT);
    expect(kinds(sut.entries)).toEqual(['skipped']);
    expect(sut.issues).toEqual([expect.objectContaining({ severity: 'information' })]);
  });

  it('should read a history Bundle without a status entry as resources', () => {
    const sut = readFhirNotification(
      transaction('history', [
        {
          resource: appointment({
            participant: [{ actor: { reference: 'Patient/P-1' }, status: 'accepted' }],
          }),
        },
      ]),
      RECEIVED_AT,
    );
    expect(kinds(sut.entries)).toEqual(['appointment']);
  });

  it.each([
    ['not a Bundle', 'x', null],
    ['a transaction', transaction('transaction', []), 'Bundle.type'],
  ])('should refuse %s', (_title, body, path) => {
    const sut = readFhirNotification(body, RECEIVED_AT);
    expect(sut.issues.map((issue) => issue.expression?.[0] ?? null)).toEqual([path]);
  });
});
