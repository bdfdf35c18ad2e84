// Issue 20's acceptance: scenario 1 of domain.md with the confirmation done by the link of the SMS 24 h before
// instead of the reply "C": the appointment is confirmed and no further "please confirm" message goes out.
import { bookingConfirmationFlow, remindersFlow, type Flow } from '@clinicflow/rules';
import { externalDocumentId } from '../src/common/ids';
import { bookingEvent, engineDriver } from './engine-fixtures';
import {
  EVERY_PATIENT,
  messagesUntilQuestion,
  noFurtherQuestion,
  REPLYING_CLINIC_SENDERS,
} from './scenario-1';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

const PUBLIC_URL = 'https://rdv.clinic.example';

/** The starter reminders, whose question also carries the confirm link. */
function remindersWithLink(): Flow {
  const flow = structuredClone(remindersFlow);
  const ask = flow.nodes.find((node) => node.id === 'sms24') as unknown as {
    data: { template: { byLanguage: Record<string, { body: string }> } };
  };
  ask.data.template.byLanguage.fr.body += ' Ou : {{links.confirm}}';
  return flow;
}

describe('scenario 1, confirmed by the link', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({ PUBLIC_URL }, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();

  beforeAll(async () => {
    await engine.settings(clinic, {
      consent: EVERY_PATIENT,
      senders: REPLYING_CLINIC_SENDERS,
      providers: { sms: { kind: 'sandbox', options: { receiptDelayMs: 20 } } },
    });
    await engine.publish(clinic, bookingConfirmationFlow);
    await engine.publish(clinic, remindersWithLink());
  });

  it('confirms by the link of the SMS 24 h before, and no further "please confirm" goes out', async () => {
    await engine
      .post(clinic, bookingEvent('s1-link', 'A-S1-LINK', '2026-03-07T10:00', { patient: 'P-S1-LINK' }))
      .expect(202);
    const appointmentId = externalDocumentId('apt', clinic.clinicId, 'A-S1-LINK');
    const [, , question] = await messagesUntilQuestion(engine, clinic, appointmentId);
    const link = /https:\/\/rdv\.clinic\.example(\/p\/[0-9A-Za-z]{16})$/.exec(question.text ?? '')?.[1];
    expect(link).toBeDefined();

    // the patient taps it at once (10:00 in Paris) and confirms on the page
    const done = await ctx.http().post(link!).type('form').send({ action: 'confirm' }).expect(200);
    expect(done.text).toContain('Merci : votre rendez-vous est confirmé.');
    const seen = await ctx.as(clinic).get(`/api/appointments/${appointmentId}`).expect(200);
    expect(seen.body).toMatchObject({ status: 'confirmed', confirmation: 'confirmed' });

    await noFurtherQuestion(engine, clinic, appointmentId);
  });
});
