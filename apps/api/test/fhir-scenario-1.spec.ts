// Issue 19's acceptance: scenario 1 of domain.md with the PMS speaking FHIR R4 instead of REST. The clinic's
// FHIR server books with a transaction Bundle (Patient + Appointment booked online), then, after the patient's
// "C", tells of a later version of the same Appointment through its Subscription: the SMS asking to confirm
// goes from the clinic's number for replies, "C" confirms, and nothing the FHIR server sends afterwards undoes
// the confirmation or brings another "please confirm". FHIR's Patient carries no consent (and clinicflow reads
// no Consent resource), so the clinic messages every patient with a valid contact.
import { BOOKING_SOURCE_EXTENSION } from '@clinicflow/pms';
import { bookingConfirmationFlow, remindersFlow } from '@clinicflow/rules';
import type { Appointment, Bundle, Patient } from '@medplum/fhirtypes';
import { externalDocumentId } from '../src/common/ids';
import { engineDriver } from './engine-fixtures';
import { messagesUntilConfirmed, noFurtherQuestion, REPLYING_CLINIC_SENDERS } from './scenario-1';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

const lea: Patient = {
  resourceType: 'Patient',
  id: 'P-77',
  name: [{ use: 'official', family: 'Martin', given: ['Léa'] }],
  telecom: [
    { system: 'phone', use: 'home', value: '01 40 00 00 00' },
    { system: 'phone', use: 'mobile', value: '06 12 34 56 78' },
    { system: 'email', value: 'lea.martin@example.org' },
  ],
  communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'fr-FR' }] }, preferred: true }],
};

/** Booked online 5 days ahead: Saturday 7 March 2026, 10:00 in Paris. */
const booked: Appointment = {
  resourceType: 'Appointment',
  id: 'A-77',
  meta: { versionId: '1', lastUpdated: '2026-03-02T08:00:00Z' },
  extension: [{ url: BOOKING_SOURCE_EXTENSION, valueCode: 'online' }],
  status: 'booked',
  serviceType: [{ coding: [{ code: 'S-CHECK' }] }],
  start: '2026-03-07T10:00:00+01:00',
  end: '2026-03-07T10:30:00+01:00',
  participant: [
    { actor: { reference: 'urn:uuid:lea' }, status: 'accepted' },
    { actor: { reference: 'Practitioner/R-DUPONT' }, status: 'accepted' },
    { actor: { reference: 'Location/L-MAIN' }, status: 'accepted' },
  ],
};

describe('scenario 1 with the PMS speaking FHIR R4', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  let pmsKey: string;

  /** What the clinic's FHIR server sends: FHIR JSON with the clinic's API key, nothing else. */
  const fhirServer = (url: string, body: object) =>
    ctx
      .http()
      .post(url)
      .set('x-api-key', pmsKey)
      .set('content-type', 'application/fhir+json')
      .send(JSON.stringify(body));

  beforeAll(async () => {
    await engine.settings(clinic, {
      consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
      senders: REPLYING_CLINIC_SENDERS,
      providers: { sms: { kind: 'sandbox', options: { receiptDelayMs: 20 } } },
    });
    await engine.publish(clinic, bookingConfirmationFlow);
    await engine.publish(clinic, remindersFlow);
    const key = await ctx
      .as(clinic)
      .post('/api/api-keys', { name: 'FHIR server', scopes: ['events'] })
      .expect(201);
    pmsKey = key.body.key;
  });

  it('sends every message, "C" confirms, and a later version of the Appointment keeps it confirmed', async () => {
    const transaction: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { fullUrl: 'urn:uuid:lea', resource: lea, request: { method: 'PUT', url: 'Patient/P-77' } },
        { resource: booked, request: { method: 'PUT', url: 'Appointment/A-77' } },
      ],
    };
    const answer = await fhirServer('/api/fhir', transaction).expect(200);
    expect(answer.body.entry.map((e: { response: { status: string } }) => e.response.status)).toEqual([
      '201 Created',
      '201 Created',
    ]);
    const appointmentId = externalDocumentId('apt', clinic.clinicId, 'A-77');

    const [confirmation, email, question] = await messagesUntilConfirmed(ctx, engine, clinic, appointmentId);
    expect(confirmation.text).toContain('Léa');
    expect(email.recipient.address).toBe('lea.martin@example.org');
    expect(question.text).toContain('Répondez C pour confirmer');
    const seen = await ctx.as(clinic).get(`/api/appointments/${appointmentId}`).expect(200);
    expect(seen.body).toMatchObject({ source: 'online' });

    // The FHIR server still holds the appointment as booked and tells of a new version (a note changed).
    clock.set('2026-03-06T12:00:00Z');
    const noted = {
      ...booked,
      meta: { versionId: '2', lastUpdated: '2026-03-06T12:00:00Z' },
      comment: 'Bring your X-rays',
      participant: [
        { actor: { reference: 'Patient/P-77' }, status: 'accepted' },
        ...booked.participant.slice(1),
      ],
    };
    const notification = {
      resourceType: 'Bundle',
      type: 'history',
      entry: [
        {
          fullUrl: 'urn:uuid:status-1',
          resource: {
            resourceType: 'Parameters',
            parameter: [{ name: 'type', valueCode: 'event-notification' }],
          },
        },
        { fullUrl: 'https://fhir.cabinet.example/Appointment/A-77', resource: noted },
      ],
    };
    await fhirServer('/api/fhir/subscription-notification', notification).expect(200);
    const after = await ctx.as(clinic).get(`/api/appointments/${appointmentId}`).expect(200);
    expect(after.body).toMatchObject({ status: 'confirmed', notes: 'Bring your X-rays' });

    await noFurtherQuestion(engine, clinic, appointmentId);
  });
});
