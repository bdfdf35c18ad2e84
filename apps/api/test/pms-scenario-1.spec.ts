// Issue 21's acceptance: scenario 1 of domain.md where the PMS does everything a PMS does with its API key
// only (it creates the patient with the patient's consent, then books), in a clinic that asks for opt-in and
// sends its SMS under a name: every message goes, the question goes from the clinic's number for replies, and
// the patient's "C" to that number confirms the appointment.
import { bookingConfirmationFlow, remindersFlow } from '@clinicflow/rules';
import { externalDocumentId } from '../src/common/ids';
import { engineDriver } from './engine-fixtures';
import { messagesUntilConfirmed, noFurtherQuestion, REPLYING_CLINIC_SENDERS } from './scenario-1';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

describe('scenario 1 with a patient the PMS creates, in an opt-in clinic', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  let pmsKey: string;

  /** What the PMS sends: its API key, nothing else. */
  const pms = {
    put: (url: string, body: object) => ctx.http().put(url).set('x-api-key', pmsKey).send(body),
    post: (url: string, body: object) => ctx.http().post(url).set('x-api-key', pmsKey).send(body),
  };

  beforeAll(async () => {
    // The clinic's manager sets the clinic up once: opt-in (the default), SMS under a name, a number for replies.
    await engine.settings(clinic, {
      senders: REPLYING_CLINIC_SENDERS,
      providers: { sms: { kind: 'sandbox', options: { receiptDelayMs: 20 } } },
    });
    const settings = (await ctx.as(clinic).get('/api/settings').expect(200)).body;
    expect(settings.consent.mode).toBe('opt-in');
    await engine.publish(clinic, bookingConfirmationFlow);
    await engine.publish(clinic, remindersFlow);
    const key = await ctx
      .as(clinic)
      .post('/api/api-keys', { name: 'PMS', scopes: ['events', 'directory'] })
      .expect(201);
    pmsKey = key.body.key;
  });

  it('sends every message to the patient the PMS created with consent, and "C" confirms', async () => {
    const created = await pms
      .put('/api/patients/by-external-id/P-77', {
        firstName: 'Léa',
        lastName: 'Martin',
        mobile: '06 12 34 56 78',
        email: 'lea.martin@example.org',
        language: 'fr',
        consent: {
          sms: { granted: true, purposes: ['reminders'], source: 'pms', at: '2026-03-01T09:00:00Z' },
          email: { granted: true, purposes: ['reminders'], source: 'pms', at: '2026-03-01T09:00:00Z' },
        },
      })
      .expect(200);
    expect(created.body).toMatchObject({ created: true, mobile: '+33612345678' });
    await pms
      .post('/api/events', {
        id: 'pms-booking-77',
        type: 'appointment.booked',
        occurredAt: '2026-03-02T08:00:00Z',
        appointment: {
          externalId: 'A-77',
          start: '2026-03-07T10:00:00+01:00',
          end: '2026-03-07T10:30:00+01:00',
          source: 'online',
          serviceExternalId: 'S-CHECK',
          resourceExternalId: 'R-DUPONT',
          locationExternalId: 'L-MAIN',
        },
        patient: { externalId: 'P-77' },
      })
      .expect(202);
    const appointmentId = externalDocumentId('apt', clinic.clinicId, 'A-77');

    await messagesUntilConfirmed(ctx, engine, clinic, appointmentId);
    const patient = await ctx
      .http()
      .get(`/api/patients/${externalDocumentId('pat', clinic.clinicId, 'P-77')}`)
      .set('x-api-key', pmsKey)
      .expect(200);
    expect(patient.body.consent.sms).toMatchObject({ granted: true, purposes: ['reminders'], source: 'pms' });
    await noFurtherQuestion(engine, clinic, appointmentId);
  });
});
