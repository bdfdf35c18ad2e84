// Issue 21's acceptance: scenario 1 of domain.md where the PMS does everything a PMS does with its API key
// only (it creates the patient with the patient's consent, then books), in a clinic that asks for opt-in and
// sends its SMS under a name: every message goes, the question goes from the clinic's number for replies, and
// the patient's "C" to that number confirms the appointment.
import { bookingConfirmationFlow, remindersFlow } from '@clinicflow/rules';
import { externalDocumentId } from '../src/common/ids';
import { engineDriver, local, sentAtLocal } from './engine-fixtures';
import { postSandboxCallback } from './sandbox-callback';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

const REPLY_NUMBER = '+33757000001';

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
      senders: {
        smsSenderName: 'CabLilas',
        smsReplyNumber: REPLY_NUMBER,
        emailFromName: 'Cabinet',
        emailFromAddress: 'rdv@cabinet.example',
        voiceCallerNumber: null,
      },
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

    await engine.at('2026-03-02T08:00:00Z');
    await engine.at('2026-03-05T09:00:00Z');
    await engine.at('2026-03-06T09:00:00Z');
    const deliveries = await engine.deliveries(clinic, { appointmentId });
    expect(deliveries.map((d) => [d.nodeId, d.channel])).toEqual([
      ['sms-booked', 'sms'],
      ['email48', 'email'],
      ['sms24', 'sms'],
    ]);
    for (const delivery of deliveries) expect(delivery.reason).toBeNull();
    const [confirmation, email, question] = deliveries;
    sentAtLocal(confirmation, '2026-03-02 09:00');
    sentAtLocal(email, '2026-03-05 10:00');
    sentAtLocal(question, '2026-03-06 10:00');
    expect(confirmation.recipient.address).toBe('+33612345678');
    expect(question).toMatchObject({ expectsReply: true, from: REPLY_NUMBER });

    // The patient answers the question, to the number it came from.
    const answer = await postSandboxCallback(ctx, clinic, 'inbound', {
      from: '06 12 34 56 78',
      to: REPLY_NUMBER,
      text: 'C',
      providerMessageId: 'in-77',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ accepted: true, meaning: 'confirmed' });
    const patient = await ctx
      .http()
      .get(`/api/patients/${externalDocumentId('pat', clinic.clinicId, 'P-77')}`)
      .set('x-api-key', pmsKey)
      .expect(200);
    expect(patient.body.consent.sms).toMatchObject({ granted: true, purposes: ['reminders'], source: 'pms' });
    const seen = await ctx.as(clinic).get(`/api/appointments/${appointmentId}`).expect(200);
    expect(seen.body).toMatchObject({ status: 'confirmed', confirmation: 'confirmed' });

    // No further "please confirm" goes out, however long one waits.
    await engine.at('2026-03-07T09:30:00Z');
    const after = await engine.deliveries(clinic, { appointmentId });
    expect(after.map((d) => [d.nodeId, d.status])).toEqual([
      ['sms-booked', expect.stringMatching(/^(sent|delivered)$/)],
      ['email48', expect.stringMatching(/^(sent|delivered)$/)],
      ['sms24', 'answered'],
    ]);
    expect(local(after[2].answeredAt!)).toBe('2026-03-06 10:00');
  });
});
