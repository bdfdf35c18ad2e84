import { signInboundEmail } from '@clinicflow/channels';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { externalDocumentId } from '../src/common/ids';
import { startMailbox, type Mailbox } from './engine-dispatch-peers';
import { bookingEvent, engineDriver } from './engine-fixtures';
import { remindersAskingOn } from './engine-scenario-flows';
import { TestClinic, useTestContext } from './test-app';
import { TestClock } from './test-clock';

const apt = (clinic: TestClinic, externalId: string) =>
  externalDocumentId('apt', clinic.clinicId, externalId);

/** The reminders starter asking its question by e-mail. */
const emailQuestion = remindersAskingOn('email', {
  fr: {
    subject: 'Merci de confirmer votre RDV',
    body: 'RDV demain à {{time appointment.start}}. Répondez C pour confirmer, N pour annuler.',
  },
});

/**
 * The clinic's inbound mail provider, played by a real SMTP server: it takes the patient's mail and posts it
 * raw to the clinic's inbound route, signed with the secret; it refuses the mail when the route does.
 */
async function startInboundProvider(post: (raw: Buffer) => Promise<number>) {
  const statuses: number[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        post(Buffer.concat(chunks))
          .then((status) => {
            statuses.push(status);
            callback(status === 200 ? null : Object.assign(new Error('refused'), { responseCode: 550 }));
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, statuses, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('e-mail replies through the inbound route (F4)', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  const noSecret = ctx.clinic();
  let mailbox: Mailbox;
  let inbound: Awaited<ReturnType<typeof startInboundProvider>>;
  let flowId: string;

  const inboundPath = (c: TestClinic) => `/api/providers/${c.clinicId}/smtp/inbound`;
  const postRaw = (c: TestClinic, raw: Buffer, signature?: string) => {
    const request = ctx.http().post(inboundPath(c)).set('Content-Type', 'message/rfc822');
    return (signature ? request.set('X-Clinicflow-Signature', signature) : request).send(raw);
  };
  const smtpProvider = (credentials?: Record<string, string>) => ({
    email: {
      kind: 'smtp',
      options: {
        host: '127.0.0.1',
        port: mailbox.port,
        requireTLS: false, // the test's mail server offers no TLS
        defaultFrom: 'Cabinet du Parc <rdv@cabinet.example>',
        replyTo: 'reponses@cabinet.example',
      },
      ...(credentials ? { credentials } : {}),
    },
  });
  /** The patient answers from her mail client, through the clinic's inbound mail provider. */
  const answer = (inReplyTo: string, text: string) =>
    nodemailer
      .createTransport({ host: '127.0.0.1', port: inbound.port, secure: false, ignoreTLS: true })
      .sendMail({
        from: 'Léa Martin <lea.martin@example.org>',
        to: 'reponses@cabinet.example',
        subject: 'Re: Merci de confirmer votre RDV',
        inReplyTo,
        references: [inReplyTo],
        text: `${text}\n\nLe jeu. 5 mars 2026 à 10:00, Cabinet du Parc <rdv@cabinet.example> a écrit :\n> Répondez C pour confirmer, N pour annuler.\n`,
      });

  beforeAll(async () => {
    mailbox = await startMailbox();
    inbound = await startInboundProvider(async (raw) => {
      const answered = await postRaw(clinic, raw, signInboundEmail('inbound-secret', raw));
      return answered.status;
    });
    const setUp = { testMode: false, consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] } };
    await engine.settings(clinic, { ...setUp, providers: smtpProvider() });
    await engine.settings(noSecret, { ...setUp, providers: smtpProvider() });
  });
  afterAll(async () => {
    await inbound.close();
    await mailbox.close();
  });

  it('should publish an e-mail question only once the clinic has an inbound route', async () => {
    const { id: _starter, ...body } = emailQuestion;
    const created = await ctx.as(clinic).post('/api/flows', body).expect(201);
    const refused = await ctx
      .as(clinic)
      .post(`/api/flows/${created.body.id}/publish`, { note: 'v1' })
      .expect(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ nodeId: 'sms24', params: expect.objectContaining({ gap: 'email-inbound' }) }),
    ]);
    const saved = await ctx
      .as(clinic)
      .put('/api/settings', { providers: smtpProvider({ inboundSecret: 'inbound-secret' }) })
      .expect(200);
    expect(saved.body.providers.email.credentials).toEqual({ inboundSecret: '********' });
    expect(saved.body.replyRoutes).toMatchObject({ emailInbound: true });
    await ctx.as(clinic).post(`/api/flows/${created.body.id}/publish`, { note: 'v1' }).expect(201);
    await ctx.as(clinic).post(`/api/flows/${created.body.id}/enable`).expect(200);
    flowId = created.body.id;
  });

  it('should decline the appointment with the reply to the question, read without the quoted original', async () => {
    await engine.post(clinic, bookingEvent('mail-book', 'A-MAIL', '2026-03-07T10:00')).expect(202);
    await engine.at('2026-03-05T09:00:00Z');
    await engine.at('2026-03-06T09:00:00Z');
    const appointmentId = apt(clinic, 'A-MAIL');
    const [question] = await engine.deliveries(clinic, { appointmentId, expectsReply: true });
    expect(question).toMatchObject({ status: 'sent', channel: 'email', flowId });
    const sent = mailbox.received.find((m) => m.mail.messageId === question.providerMessageId)!.mail;
    expect(sent.replyTo?.value).toEqual([{ address: 'reponses@cabinet.example', name: '' }]);

    clock.set('2026-03-06T17:05:00Z');
    // Found by its In-Reply-To; the inbox shows the patient's own words, not the question she quoted.
    await answer(sent.messageId!, 'Non, je ne pourrai pas venir.');
    expect(inbound.statuses).toEqual([200]);
    const detail = await ctx.as(clinic).get(`/api/deliveries/${question._id}`).expect(200);
    expect(detail.body).toMatchObject({ status: 'answered', reason: expect.stringMatching(/declined/) });
    const appointment = await ctx.as(clinic).get(`/api/appointments/${appointmentId}`).expect(200);
    expect(appointment.body.confirmation).toBe('declined');
    const replies = await ctx.as(clinic).get('/api/inbox?all=true').expect(200);
    expect(replies.body.items).toEqual([
      expect.objectContaining({
        channel: 'email',
        from: 'lea.martin@example.org',
        text: 'Non, je ne pourrai pas venir.',
        meaning: 'declined',
        deliveryId: question._id,
      }),
    ]);
  });

  it('should leave a reply to a message that asked nothing in the inbox', async () => {
    const [reminder] = await engine.deliveries(clinic, {
      appointmentId: apt(clinic, 'A-MAIL'),
      nodeId: 'email48',
    });
    const sent = mailbox.received.find((m) => m.mail.messageId === reminder.providerMessageId)!.mail;
    await answer(sent.messageId!, 'C');
    const list = await ctx.as(clinic).get('/api/inbox').expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ text: 'C', meaning: 'unknown', deliveryId: null, read: false }),
    ]);
  });

  it('should withdraw e-mail consent on a STOP that answers any of the clinic’s e-mails', async () => {
    const [reminder] = await engine.deliveries(clinic, {
      appointmentId: apt(clinic, 'A-MAIL'),
      nodeId: 'email48',
    });
    await answer(reminder.providerMessageId!, 'STOP');
    const patient = await ctx.as(clinic).get(`/api/patients/${reminder.patientId}`).expect(200);
    expect(patient.body.consent.email).toMatchObject({ granted: false, source: 'patient-reply' });
  });

  it.each([
    ['no signature', undefined],
    ['a signature made with another secret', 'guessed-secret'],
  ])('should answer 403 to an e-mail with %s, and take nothing from it', async (_title, secret) => {
    const raw = Buffer.from('From: lea.martin@example.org\r\nTo: reponses@cabinet.example\r\n\r\nOui\r\n');
    const before = (await ctx.as(clinic).get('/api/inbox?all=true').expect(200)).body.total;
    await postRaw(clinic, raw, secret ? signInboundEmail(secret, raw) : undefined).expect(403);
    // A signed JSON body cannot be checked byte for byte: refused as well.
    await ctx
      .http()
      .post(inboundPath(clinic))
      .set('X-Clinicflow-Signature', signInboundEmail('inbound-secret', '{"text":"Oui"}'))
      .send({ text: 'Oui' })
      .expect(403);
    expect((await ctx.as(clinic).get('/api/inbox?all=true').expect(200)).body.total).toBe(before);
  });

  it('should refuse every inbound e-mail of a clinic without an inbound secret (fail closed)', async () => {
    const raw = Buffer.from('From: lea.martin@example.org\r\n\r\nOui\r\n');
    const { body } = await postRaw(noSecret, raw, signInboundEmail('', raw)).expect(403);
    expect(body.message).toMatch(/no inbound e-mail secret/);
  });
});
