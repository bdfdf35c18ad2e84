// Scenario 1 of domain.md, whatever way the PMS speaks (REST, HL7, FHIR): the clinic's senders, and what must
// happen from the booking on. The specs differ only in how the PMS books.
import type { DeliveryDocument } from '../src/modules/deliveries/delivery.document';
import { engineDriver, local, sentAtLocal } from './engine-fixtures';
import { postSandboxCallback } from './sandbox-callback';
import type { TestClinic, useTestContext } from './test-app';

type Ctx = ReturnType<typeof useTestContext>;
type Engine = ReturnType<typeof engineDriver>;

/** The clinic's number for replies: the question goes from it, and the patient answers to it. */
export const REPLY_NUMBER = '+33757000001';

/** A clinic that sends its SMS under a name and asks its questions from its number for replies. */
export const REPLYING_CLINIC_SENDERS = {
  smsSenderName: 'CabLilas',
  smsReplyNumber: REPLY_NUMBER,
  emailFromName: 'Cabinet',
  emailFromAddress: 'rdv@cabinet.example',
  voiceCallerNumber: null,
};

/** A clinic that may message every patient with a valid contact (a PMS that carries no consent). */
export const EVERY_PATIENT = { mode: 'all-with-valid-contact', purposes: ['reminders', 'recall', 'surveys'] };

/**
 * Léa Martin (06 12 34 56 78), booked online on Monday 2 March 2026 for Saturday 7 March at 10:00 in Paris:
 * the confirmation SMS at once, the e-mail 48 h before, the SMS 24 h before asking to reply C, from the
 * clinic's number; she answers "C" and the appointment is confirmed. Answers the three messages.
 */
export async function messagesUntilConfirmed(
  ctx: Ctx,
  engine: Engine,
  clinic: TestClinic,
  appointmentId: string,
): Promise<DeliveryDocument[]> {
  const deliveries = await messagesUntilQuestion(engine, clinic, appointmentId);
  const answer = await postSandboxCallback(ctx, clinic, 'inbound', {
    from: '06 12 34 56 78',
    to: REPLY_NUMBER,
    text: 'C',
    providerMessageId: 'in-77',
  });
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ accepted: true, meaning: 'confirmed' });
  const seen = await ctx.as(clinic).get(`/api/appointments/${appointmentId}`).expect(200);
  expect(seen.body).toMatchObject({ status: 'confirmed', confirmation: 'confirmed' });
  return deliveries;
}

/**
 * Scenario 1 up to its question: the confirmation SMS at once, the e-mail 48 h before, the SMS 24 h before
 * asking to confirm (Saturday 7 March 2026 at 10:00 in Paris, booked on Monday 2 March). Answers the three.
 */
export async function messagesUntilQuestion(
  engine: Engine,
  clinic: TestClinic,
  appointmentId: string,
): Promise<DeliveryDocument[]> {
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
  return deliveries;
}

/** However long one waits after the "C", no further "please confirm" goes out. */
export async function noFurtherQuestion(engine: Engine, clinic: TestClinic, appointmentId: string) {
  await engine.at('2026-03-07T09:30:00Z');
  const after = await engine.deliveries(clinic, { appointmentId });
  expect(after.map((d) => [d.nodeId, d.status])).toEqual([
    ['sms-booked', expect.stringMatching(/^(sent|delivered)$/)],
    ['email48', expect.stringMatching(/^(sent|delivered)$/)],
    ['sms24', 'answered'],
  ]);
  expect(local(after[2].answeredAt!)).toBe('2026-03-06 10:00');
}
