import { remindersFlow } from '@clinicflow/rules';
import { Db } from 'mongodb';
import { ReplyService } from '../src/modules/replies/reply.service';
import { engineDriver } from './engine-fixtures';
import { bookingOf, subject } from './privacy-fixtures';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

describe("a patient's export (GET /api/patients/:id/export)", () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  const stranger = ctx.clinic();
  let patientId: string;

  beforeAll(async () => {
    await engine.settings(clinic, {
      consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
      providers: {
        sms: { kind: 'sandbox', options: { receiptDelayMs: 20 } },
        email: { kind: 'sandbox', options: { receiptDelayMs: 20 } },
      },
    });
    await engine.publish(clinic, remindersFlow);
    await engine.post(clinic, bookingOf('x-book-1', 'A-EXPORT-1', '2026-03-07T10:00')).expect(202);
    await engine.at('2026-03-05T09:30:00Z');
    await engine.at('2026-03-06T10:30:00Z');
    const patient = await ctx.app.get(Db).collection('patients').findOne({ externalId: subject.externalId });
    patientId = patient!._id as unknown as string;
    await ctx
      .as(clinic)
      .post(`/api/patients/${patientId}/consent`, { channel: 'email', granted: false })
      .expect(200);
    await ctx.app.get(ReplyService).receive(clinic.clinicId, 'sms', 'sandbox', {
      from: subject.e164,
      to: '+33700000000',
      text: 'Je serai en retard <un peu>',
      at: clock.now(),
    });
  });

  it('should answer everything held about the patient as JSON, and record the export', async () => {
    const answer = await ctx.as(clinic).get(`/api/patients/${patientId}/export`).expect(200);
    expect(answer.headers['content-type']).toMatch(/application\/json/);
    expect(answer.body.patient).toMatchObject({
      id: patientId,
      lastName: subject.lastName,
      email: subject.email,
    });
    expect(answer.body.appointments.map((a: { externalId: string }) => a.externalId)).toEqual(['A-EXPORT-1']);
    const sent = answer.body.deliveries as {
      channel: string;
      text: string;
      recipient: { address: string };
    }[];
    expect(sent.map((d) => d.channel).sort()).toEqual(['email', 'sms']);
    expect(sent.find((d) => d.channel === 'sms')).toMatchObject({
      recipient: { address: subject.e164 },
      text: expect.stringContaining('Répondez C'),
    });
    expect(answer.body.replies).toEqual([
      expect.objectContaining({ from: subject.e164, text: 'Je serai en retard <un peu>' }),
    ]);
    expect(answer.body.consentHistory).toContainEqual(
      expect.objectContaining({ channel: 'email', granted: false, source: 'staff' }),
    );
    expect(answer.body.auditEntries).toContainEqual(
      expect.objectContaining({
        action: 'patient.consent-changed',
        target: expect.objectContaining({ id: patientId }),
      }),
    );
    const audit = await ctx.as(clinic).get('/api/audit?action=patient.exported').expect(200);
    expect(audit.body.items[0]).toMatchObject({
      target: { type: 'patient', id: patientId, label: null },
      details: { format: 'json', appointments: 1, deliveries: 2, replies: 1 },
    });
  });

  it('should answer a readable HTML page naming the patient and their messages, escaped', async () => {
    const answer = await ctx.as(clinic).get(`/api/patients/${patientId}/export?format=html`).expect(200);
    expect(answer.headers['content-type']).toMatch(/text\/html/);
    expect(answer.text).toContain(`Data held about ${subject.firstName} ${subject.lastName}`);
    expect(answer.text).toContain('Répondez C pour confirmer');
    expect(answer.text).toContain('Rappel de votre RDV');
    expect(answer.text).toContain('Je serai en retard &lt;un peu&gt;');
    expect(answer.text).not.toContain('<un peu>');
    expect(answer.text).not.toMatch(/<script/i);
  });

  it('should refuse staff (403), another clinic (404) and an unknown format (400 naming it)', async () => {
    await ctx.as(clinic, clinic.staffToken).get(`/api/patients/${patientId}/export`).expect(403);
    await ctx.as(stranger).get(`/api/patients/${patientId}/export`).expect(404);
    await ctx.as(stranger).delete(`/api/patients/${patientId}`).expect(404);
    const refused = await ctx.as(clinic).get(`/api/patients/${patientId}/export?format=pdf`).expect(400);
    expect(JSON.stringify(refused.body)).toContain('query.format');
  });
});
