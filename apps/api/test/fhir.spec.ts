import type { Appointment, OperationOutcome, Patient } from '@medplum/fhirtypes';
import { externalDocumentId } from '../src/common/ids';
import { engineDriver } from './engine-fixtures';
import { bookingChain, patientMessage } from './engine-scenario-flows';
import { TestClinic, useTestContext } from './test-app';
import { TestClock } from './test-clock';

const FHIR = 'application/fhir+json';

function patient(id: string, overrides: Partial<Patient> = {}): Patient {
  return {
    resourceType: 'Patient',
    id,
    name: [{ family: 'Martin', given: ['Léa'] }],
    telecom: [
      { system: 'phone', use: 'mobile', value: '06 12 34 56 78' },
      { system: 'email', value: 'lea.martin@example.org' },
    ],
    communication: [{ language: { coding: [{ code: 'fr-FR' }] } }],
    ...overrides,
  };
}

function appointment(id: string, overrides: Partial<Appointment> = {}): Appointment {
  return {
    resourceType: 'Appointment',
    id,
    meta: { versionId: '1', lastUpdated: '2026-03-10T21:00:00Z' },
    status: 'booked',
    start: '2026-03-14T10:00:00+01:00',
    end: '2026-03-14T10:30:00+01:00',
    participant: [
      { actor: { reference: `urn:uuid:patient-${id}` }, status: 'accepted' },
      { actor: { reference: 'Practitioner/R-DUPONT' }, status: 'accepted' },
    ],
    ...overrides,
  };
}

/** A transaction of the appointment and the patient it names by the patient's fullUrl. */
function transaction(apt: Appointment, pat: Patient, type = 'transaction') {
  return {
    resourceType: 'Bundle',
    type,
    entry: [
      {
        fullUrl: `urn:uuid:patient-${apt.id}`,
        resource: pat,
        request: { method: 'PUT', url: `Patient/${pat.id}` },
      },
      { resource: apt, request: { method: 'PUT', url: `Appointment/${apt.id}` } },
    ],
  };
}

/** Each issue as "severity path: text". */
const issues = (outcome: OperationOutcome) =>
  outcome.issue.map((i) => `${i.severity} ${i.expression?.[0] ?? '-'}: ${i.details?.text}`);

describe('FHIR R4 intake', () => {
  const clock = new TestClock('2026-03-10T21:00:00Z');
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();

  /** What the clinic's FHIR server sends: FHIR JSON with the clinic's API key. */
  const fhir = (
    url: string,
    body: unknown,
    key: string | null = clinic.apiKey,
    method: 'post' | 'put' = 'post',
  ) => {
    const req = ctx.http()[method](url).set('content-type', FHIR);
    return (key ? req.set('x-api-key', key) : req).send(JSON.stringify(body));
  };
  const appointmentOf = (c: TestClinic, externalId: string) =>
    ctx.as(c).get(`/api/appointments/${externalDocumentId('apt', c.clinicId, externalId)}`);

  beforeAll(async () => {
    await engine.settings(clinic, { consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] } });
    // An SMS as soon as a booking comes: at 22:00 (quiet hours) it waits for 08:00, so it can still be cancelled.
    await engine.publish(
      clinic,
      bookingChain('On booking', [patientMessage('sms-now', 1, 'sms', 'reminder')]),
    );
  });

  it('should create one appointment and one patient from a Bundle posted twice', async () => {
    const bundle = transaction(appointment('F-1'), patient('P-F1'));
    const first = await fhir('/api/fhir', bundle).expect(200);
    expect(first.headers['content-type']).toContain(FHIR);
    expect(first.body).toMatchObject({ resourceType: 'Bundle', type: 'transaction-response' });
    expect(
      first.body.entry.map((e: { response: { status: string; location?: string } }) => [
        e.response.status,
        e.response.location,
      ]),
    ).toEqual([
      ['201 Created', 'Patient/P-F1'],
      ['201 Created', 'Appointment/F-1'],
    ]);
    const again = await fhir('/api/fhir', bundle).expect(200);
    expect(again.body.entry.map((e: { response: { status: string } }) => e.response.status)).toEqual([
      '200 OK',
      '200 OK',
    ]);

    const day = await ctx.as(clinic).get('/api/appointments?day=2026-03-14&pageSize=100').expect(200);
    const found = day.body.items.filter((a: { externalId: string }) => a.externalId === 'F-1');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      status: 'booked',
      start: '2026-03-14T09:00:00.000Z',
      unknownReferences: ['resource'],
    });
    const patients = await ctx.as(clinic).get('/api/patients?q=P-F1').expect(200);
    expect(patients.body.total).toBe(1);
    expect(patients.body.items[0]).toMatchObject({
      id: found[0].patientId,
      firstName: 'Léa',
      lastName: 'Martin',
      mobile: '+33612345678',
      email: 'lea.martin@example.org',
      language: 'fr',
    });
    const events = await ctx.as(clinic).get(`/api/events?appointmentId=${found[0].id}`).expect(200);
    expect(events.body.items.map((e: { id: string }) => e.id)).toEqual(['fhir:Appointment/F-1/_history/1']);
  });

  it('should cancel the planned messages when the Appointment comes back cancelled', async () => {
    const booked = await fhir('/api/fhir', transaction(appointment('F-2'), patient('P-F2'))).expect(200);
    expect(booked.body.entry[1].response.status).toBe('201 Created');
    const appointmentId = externalDocumentId('apt', clinic.clinicId, 'F-2');
    const [planned] = await engine.deliveries(clinic, { appointmentId });
    expect(planned).toMatchObject({ nodeId: 'sms-now', status: 'scheduled' });

    clock.set('2026-03-10T21:05:00Z');
    const cancelled = appointment('F-2', {
      meta: { versionId: '2', lastUpdated: '2026-03-10T21:05:00Z' },
      status: 'cancelled',
      participant: [{ actor: { reference: 'Patient/P-F2' }, status: 'declined' }],
    });
    const answer = await fhir('/api/fhir/Appointment', cancelled).expect(200);
    expect(issues(answer.body)).toEqual(['information Appointment: received as appointment.cancelled']);
    const after = await engine.deliveries(clinic, { appointmentId });
    expect(after.map((d) => [d.nodeId, d.status])).toEqual([['sms-now', 'cancelled']]);
    expect((await appointmentOf(clinic, 'F-2').expect(200)).body.status).toBe('cancelled');
  });

  it('should read an update sent as PUT, and say when nothing the flows react to changed', async () => {
    const noted = appointment('F-1', {
      id: undefined,
      meta: { versionId: '2', lastUpdated: '2026-03-10T21:10:00Z' },
      comment: 'Parking closed',
      participant: [{ actor: { reference: 'Patient/P-F1' }, status: 'accepted' }],
    });
    const answer = await fhir('/api/fhir/Appointment/F-1', noted, clinic.apiKey, 'put').expect(200);
    expect(issues(answer.body)).toEqual([
      'information Appointment: nothing the flows react to changed: the details were applied',
    ]);
    expect((await appointmentOf(clinic, 'F-1').expect(200)).body).toMatchObject({
      status: 'booked',
      notes: 'Parking closed',
    });
  });

  it.each([
    {
      title: 'a start without a zone',
      url: '/api/fhir/Appointment',
      body: appointment('F-bad', { start: '2026-03-14T10:00:00' }),
      expected: 'error Appointment.start: must be an instant with a zone (Z or +01:00)',
    },
    {
      title: 'a booking without a patient',
      url: '/api/fhir/Appointment',
      body: appointment('F-bad', { participant: [] }),
      expected: 'error Appointment.participant: is required for a booking',
    },
    {
      title: 'another resource',
      url: '/api/fhir/Appointment',
      body: patient('P-bad'),
      expected: 'error -: The body must be a FHIR Appointment in JSON (resourceType "Appointment")',
    },
    {
      title: 'a JSON array',
      url: '/api/fhir',
      body: [1],
      expected: 'error -: The body must be a FHIR Bundle in JSON (resourceType "Bundle")',
    },
    {
      title: 'a transaction with one bad entry, which applies none',
      url: '/api/fhir',
      body: transaction(appointment('F-bad', { end: 'tomorrow' }), patient('P-bad')),
      expected: 'error Bundle.entry[1].resource.end: must be an instant such as 2026-03-07T10:00:00+01:00',
    },
    {
      title: 'a patient’s e-mail that is not one',
      url: '/api/fhir',
      body: transaction(
        appointment('F-bad'),
        patient('P-bad', { telecom: [{ system: 'email', value: 'lea@' }] }),
      ),
      expected: 'error Bundle.entry[0].resource.telecom[0].value: Invalid email address',
    },
  ])(
    'should refuse $title with a 400 OperationOutcome naming the FHIR path',
    async ({ url, body, expected }) => {
      const answer = await fhir(url, body).expect(400);
      expect(answer.body.resourceType).toBe('OperationOutcome');
      expect(issues(answer.body)).toContain(expected);
      await appointmentOf(clinic, 'F-bad').expect(404);
      expect((await ctx.as(clinic).get('/api/patients?q=P-bad').expect(200)).body.total).toBe(0);
    },
  );

  it('should answer each entry of a batch on its own, a Patient alone included', async () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { resource: appointment('F-3', { start: '2026-03-14T10:00' }) },
        { resource: patient('P-F3') },
        { resource: patient('P-F4', { telecom: [{ system: 'phone', value: '12' }] }) },
        { resource: { resourceType: 'Practitioner', id: 'R-1' } },
      ],
    };
    const answer = await fhir('/api/fhir', bundle).expect(200);
    expect(answer.body.type).toBe('batch-response');
    const entries = answer.body.entry.map(
      (e: { response: { status: string; outcome: OperationOutcome } }) => [
        e.response.status,
        issues(e.response.outcome).join('; '),
      ],
    );
    expect(entries).toEqual([
      [
        '400 Bad Request',
        expect.stringContaining('error Bundle.entry[0].resource.start: must be an instant with a zone'),
      ],
      ['201 Created', 'information Bundle.entry[1].resource: patient created'],
      [
        '400 Bad Request',
        expect.stringMatching(/^error Bundle\.entry\[2\]\.resource\.telecom\[0\]\.value: /),
      ],
      [
        '200 OK',
        'information Bundle.entry[3].resource: Practitioner is not read: clinicflow reads Appointment and Patient',
      ],
    ]);
    expect((await ctx.as(clinic).get('/api/patients?q=P-F3').expect(200)).body.total).toBe(1);
  });

  it('should apply a Subscription notification’s resources, and take its handshake', async () => {
    const status = (type: string) => ({
      fullUrl: 'urn:uuid:status',
      resource: { resourceType: 'Parameters', parameter: [{ name: 'type', valueCode: type }] },
    });
    const handshake = await fhir('/api/fhir/subscription-notification', {
      resourceType: 'Bundle',
      type: 'history',
      entry: [status('handshake')],
    }).expect(200);
    expect(issues(handshake.body)).toEqual(['information Bundle.entry[0].resource: handshake received']);

    const noShow = appointment('F-1', {
      meta: { versionId: '3', lastUpdated: '2026-03-14T10:30:00Z' },
      status: 'noshow',
      participant: [{ actor: { reference: 'Patient/P-F1' }, status: 'accepted' }],
    });
    const notification = {
      resourceType: 'Bundle',
      type: 'history',
      entry: [
        status('event-notification'),
        { fullUrl: 'https://fhir.example/Appointment/F-1', resource: noShow },
      ],
    };
    const answer = await fhir('/api/fhir/subscription-notification', notification).expect(200);
    expect(issues(answer.body)).toContain(
      'information Bundle.entry[1].resource: received as appointment.no_show',
    );
    expect((await appointmentOf(clinic, 'F-1').expect(200)).body.status).toBe('no_show');
    const twice = await fhir('/api/fhir/subscription-notification', notification).expect(200);
    expect(issues(twice.body).join('\n')).toMatch(/already received|nothing the flows react to changed/);
  });

  it('should take a payload-less ping and a bare Appointment, and refuse FHIR XML', async () => {
    const url = '/api/fhir/subscription-notification';
    const ping = await ctx.http().post(url).set('x-api-key', clinic.apiKey).expect(200);
    expect(issues(ping.body)).toEqual([
      expect.stringMatching(/^information -: notification without payload/),
    ]);
    const xml = await ctx
      .http()
      .post(url)
      .set('x-api-key', clinic.apiKey)
      .set('content-type', 'application/fhir+xml')
      .send('<Bundle xmlns="http://hl7.org/fhir"/>')
      .expect(415);
    expect(xml.body.issue[0]).toMatchObject({ severity: 'error', code: 'not-supported' });
    const bare = appointment('F-5', {
      participant: [{ actor: { reference: 'Patient/P-F1' }, status: 'accepted' }],
    });
    const answer = await fhir(url, bare).expect(201);
    expect(issues(answer.body)).toEqual(['information Appointment: received as appointment.booked']);
    await appointmentOf(clinic, 'F-5').expect(200);
  });

  // The JSON parser runs before the route (and its FHIR filter): its refusal keeps the API's error shape.
  it('should refuse a body that is not JSON with a 400 naming the body', async () => {
    const answer = await ctx
      .http()
      .post('/api/fhir')
      .set('x-api-key', clinic.apiKey)
      .set('content-type', FHIR)
      .send('{"resourceType": "Bundle",')
      .expect(400);
    expect(answer.body.errors).toEqual([{ path: 'body', message: expect.stringContaining('JSON') }]);
  });

  it('should refuse a call without the clinic’s API key with a 401 OperationOutcome', async () => {
    const answer = await fhir('/api/fhir/Appointment', appointment('F-9'), null).expect(401);
    expect(answer.body).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'login' }],
    });
    await fhir('/api/fhir', transaction(appointment('F-9'), patient('P-9')), 'wrong-key').expect(401);
    await appointmentOf(clinic, 'F-9').expect(404);
  });
});
