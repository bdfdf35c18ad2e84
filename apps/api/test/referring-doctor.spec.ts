import type { Flow } from '@clinicflow/rules';
import { smtpTo, startMailbox, type Mailbox } from './engine-dispatch-peers';
import { until } from './engine-dispatch-fixtures';
import { bookingEvent, engineDriver } from './engine-fixtures';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

const body =
  'Bonjour {{patient.referringDoctor.name}}, votre patient(e) {{patient.firstName}} {{patient.lastName}} ({{patient.insurer}}) a rendez-vous le {{appointment.longDate}} à {{appointment.startTime}}.';

const toReferringDoctor: Flow = {
  id: 'referring-doctor',
  name: 'Tell the referring doctor',
  nodes: [
    { id: 'start', type: 'trigger', position: { x: 0, y: 0 }, data: { events: ['appointment.booked'] } },
    {
      id: 'doctor',
      type: 'send',
      position: { x: 0, y: 100 },
      data: {
        label: 'To the referring doctor',
        channel: 'email',
        recipient: { type: 'referring-doctor' },
        purpose: 'notice',
        template: {
          byLanguage: {
            fr: { subject: 'Rendez-vous de {{patient.firstName}} {{patient.lastName}}', body },
          },
        },
      },
    },
    { id: 'end', type: 'end', position: { x: 0, y: 200 } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'doctor', sourceHandle: null },
    { id: 'e2', source: 'doctor', target: 'end', sourceHandle: null },
  ],
};

/**
 * C5: a flow step to the patient's referring doctor reaches them: the e-mail goes through a real SMTP server,
 * written with the doctor's name and the patient's details (C3), from the clinic's sender, which the report
 * records.
 */
describe('a message to the referring doctor', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  let mailbox: Mailbox;

  beforeAll(async () => {
    mailbox = await startMailbox();
    await engine.settings(clinic, {
      consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
      testMode: false,
      senders: {
        smsSenderName: null,
        emailFromName: 'Cabinet du Parc',
        emailFromAddress: 'rdv@cabinet-du-parc.example',
        voiceCallerNumber: null,
      },
      providers: {
        email: smtpTo(mailbox, 'Cabinet <smtp@cabinet.example>'),
      },
    });
    await ctx
      .as(clinic)
      .put('/api/patients/by-external-id/P-REF', {
        firstName: 'Léa',
        lastName: 'Martin',
        mobile: '06 12 34 56 78',
        language: 'fr',
        insurer: 'MGEN',
        referringDoctor: { name: 'Dr Anne Leroy', email: 'a.leroy@example.org', phone: '01 45 67 89 02' },
      })
      .expect((res) => expect(res.status).toBeLessThan(300));
    await engine.publish(clinic, toReferringDoctor);
  });

  afterAll(() => mailbox.close());

  it('should e-mail the referring doctor over SMTP with their name merged', async () => {
    await engine
      .post(clinic, bookingEvent('ref-1', 'REF-1', '2026-03-09T14:30', { patient: 'P-REF' }))
      .expect(202);
    await engine.at('2026-03-02T08:01:00Z');
    await until(() => mailbox.received.length > 0);

    const [mail] = mailbox.received;
    expect(mail.to).toEqual(['a.leroy@example.org']);
    expect(mail.mail.subject).toBe('Rendez-vous de Léa Martin');
    expect(mail.mail.text?.trim()).toBe(
      'Bonjour Dr Anne Leroy, votre patient(e) Léa Martin (MGEN) a rendez-vous le lundi 9 mars à 14:30.',
    );
    expect(mail.mail.from?.value).toEqual([
      { name: 'Cabinet du Parc', address: 'rdv@cabinet-du-parc.example' },
    ]);

    const [delivery] = await engine.deliveries(clinic, { nodeId: 'doctor' });
    const { body: detail } = await ctx.as(clinic).get(`/api/deliveries/${delivery._id}`).expect(200);
    expect(detail).toMatchObject({
      status: 'sent',
      recipient: { type: 'referring-doctor', name: 'Dr Anne Leroy', address: 'a.leroy@example.org' },
      from: 'Cabinet du Parc <rdv@cabinet-du-parc.example>',
      sentBy: 'engine',
    });
  });

  it('should skip, saying why, the step for a patient without a referring doctor', async () => {
    await engine
      .post(clinic, bookingEvent('ref-2', 'REF-2', '2026-03-10T09:00', { patient: 'P-NOREF' }))
      .expect(202);
    await engine.at('2026-03-02T08:02:00Z');
    const skipped = (await engine.deliveries(clinic, { nodeId: 'doctor' })).filter(
      (d) => d.status === 'skipped',
    );
    expect(skipped).toMatchObject([
      { reason: expect.stringContaining('referring doctor has no e-mail address') },
    ]);
    expect(mailbox.received).toHaveLength(1);
  });
});
