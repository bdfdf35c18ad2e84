import net, { type AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import MailComposer from 'nodemailer/lib/mail-composer';
import { composeEmail } from '../../email/email-message';
import { signInboundEmail } from '../../email/inbound-email';
import { InvalidCallbackError } from '../provider';
import { sampleMessageContext } from '../../templates/message-context';
import { SmtpProvider, classifySmtpError } from './smtp-provider';

/** A patient's answer as a mail client writes it: In-Reply-To the question, the original quoted below. */
function patientReply(questionId: string, answer: string): Promise<Buffer> {
  return new MailComposer({
    from: 'Léa Martin <Lea.Martin@example.org>',
    to: 'reponses@cabinet.example',
    subject: 'Re: Votre RDV',
    messageId: '<reply-1@example.org>',
    inReplyTo: questionId,
    references: [questionId],
    text: `${answer}\n\nLe lun. 6 mars 2026 à 09:00, Cabinet du Parc <rdv@cabinet.example> a écrit :\n> Répondez C ou N.\n`,
  })
    .compile()
    .build();
}

interface Received {
  mail: ParsedMail;
  envelope: { from: string; to: string[] };
}

describe(SmtpProvider.name, () => {
  let server: SMTPServer;
  let port: number;
  const received: Received[] = [];
  const providers: SmtpProvider[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      onAuth(auth, _session, callback) {
        if (auth.username === 'cabinet' && auth.password === 'secret')
          return callback(null, { user: 'cabinet' });
        return callback(new Error('Invalid username or password'));
      },
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('unknown@')) {
          return callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
        }
        if (address.address.startsWith('busy@')) {
          return callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
        }
        return callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            const envelope = session.envelope;
            received.push({
              mail,
              envelope: {
                from: envelope.mailFrom ? envelope.mailFrom.address : '',
                to: envelope.rcptTo.map((r) => r.address),
              },
            });
            callback();
          })
          .catch(callback);
      },
      logger: false,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await Promise.all(providers.map((p) => p.close()));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const provider = (options: Partial<ConstructorParameters<typeof SmtpProvider>[0]> = {}) => {
    const sut = new SmtpProvider({
      host: '127.0.0.1',
      port,
      defaultFrom: 'Cabinet du Parc <rdv@cabinet.example>',
      auth: { user: 'cabinet', pass: 'secret' },
      timeoutMs: 2000,
      // this test's server offers no TLS: the explicit opt-out
      requireTLS: false,
      ...options,
    });
    providers.push(sut);
    return sut;
  };

  it('delivers subject, text, HTML, headers and UTF-8 to a real SMTP server', async () => {
    const composed = composeEmail(
      {
        subject: 'Rappel : {{appointment.longDate}} à {{appointment.startTime}}',
        html: '<p>Bonjour {{patient.firstName}}, à très bientôt ✨</p>',
      },
      sampleMessageContext(),
      { language: 'fr' },
      { unsubscribeUrl: 'https://c.example/u/1', openTrackingPixelUrl: 'https://c.example/o/1.gif' },
    );
    if (!composed.ok) throw new Error('template');
    const sut = provider();
    const outcome = await sut.send(
      {
        channel: 'email',
        to: 'lea.martin@example.org',
        text: composed.email.text,
        subject: composed.email.subject,
        html: composed.email.html,
        headers: composed.email.headers,
      },
      'run-1#mail48#patient',
    );
    expect(outcome).toEqual({ accepted: true, providerMessageId: sut.messageId('run-1#mail48#patient') });
    const { mail, envelope } = received.at(-1) as Received;
    expect(envelope).toEqual({ from: 'rdv@cabinet.example', to: ['lea.martin@example.org'] });
    expect(mail.from?.value).toEqual([{ address: 'rdv@cabinet.example', name: 'Cabinet du Parc' }]);
    expect(mail.subject).toBe('Rappel : jeudi 3 décembre à 09:30');
    expect(mail.text?.trim()).toBe('Bonjour Léa, à très bientôt ✨');
    expect(mail.html).toContain('<p>Bonjour Léa, à très bientôt ✨</p>');
    expect(mail.html).toContain('<img src="https://c.example/o/1.gif"');
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toBe(
      'List-Unsubscribe: <https://c.example/u/1>',
    );
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    expect(mail.messageId).toBe(sut.messageId('run-1#mail48#patient'));
  });

  it('refuses to send in the clear by default (requireTLS), for good', async () => {
    const sut = provider({ requireTLS: undefined });
    const outcome = await sut.send(
      { channel: 'email', to: 'lea@example.org', subject: 's', text: 't' },
      'k-tls',
    );
    expect(outcome).toMatchObject({ accepted: false, kind: 'final', code: 'tls' });
    expect(received.some((r) => r.mail.messageId === sut.messageId('k-tls'))).toBe(false);
  });

  it('uses the sender of the message when given', async () => {
    await provider().send(
      {
        channel: 'email',
        to: 'a@example.org',
        from: 'Dr Bernard <dr@cabinet.example>',
        subject: 's',
        text: 't',
      },
      'k2',
    );
    expect(received.at(-1)?.envelope.from).toBe('dr@cabinet.example');
  });

  it.each([
    {
      title: 'a 550 is final',
      to: 'unknown@example.org',
      kind: 'final',
      code: 'smtp-550',
      reason: /refused the message for good.*No such user here/,
    },
    {
      title: 'a 451 is retryable',
      to: 'busy@example.org',
      kind: 'retryable',
      code: 'smtp-451',
      reason: /try again later/,
    },
  ])('$title', async ({ to, kind, code, reason }) => {
    const outcome = await provider().send({ channel: 'email', to, subject: 's', text: 't' }, `k-${code}`);
    expect(outcome).toEqual({ accepted: false, kind, code, reason: expect.stringMatching(reason) });
  });

  it('treats a refused login as final', async () => {
    const sut = provider({ auth: { user: 'cabinet', pass: 'wrong' } });
    expect(
      await sut.send({ channel: 'email', to: 'a@example.org', subject: 's', text: 't' }, 'k'),
    ).toMatchObject({ accepted: false, kind: 'final', code: 'authentication' });
    expect(await sut.testConnection()).toEqual({
      ok: false,
      failure: 'refused',
      reason: expect.stringMatching(/refused the login/),
    });
  });

  it('passes the connection test with good credentials', async () => {
    expect(await provider().testConnection()).toEqual({ ok: true });
  });

  it('treats a dropped connection as retryable', async () => {
    const dropper = net.createServer((socket) => {
      socket.write('220 flaky.example ESMTP\r\n');
      socket.once('data', () => socket.destroy());
    });
    await new Promise<void>((resolve) => dropper.listen(0, '127.0.0.1', resolve));
    const sut = provider({ port: (dropper.address() as AddressInfo).port, auth: undefined });
    const outcome = await sut.send({ channel: 'email', to: 'a@example.org', subject: 's', text: 't' }, 'k');
    await sut.close();
    await new Promise((resolve) => dropper.close(resolve));
    expect(outcome).toMatchObject({ accepted: false, kind: 'retryable', code: 'connection' });
  });

  it('treats a refused connection as retryable', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const sut = provider({ port: freePort });
    expect(
      await sut.send({ channel: 'email', to: 'a@example.org', subject: 's', text: 't' }, 'k'),
    ).toMatchObject({ kind: 'retryable', code: 'connection' });
    expect(await sut.testConnection()).toMatchObject({ ok: false });
  });

  it('does not send a message past its expiry', async () => {
    const before = received.length;
    const outcome = await provider().send(
      {
        channel: 'email',
        to: 'a@example.org',
        subject: 's',
        text: 't',
        expiresAt: new Date(Date.now() - 1000),
      },
      'k',
    );
    expect(outcome).toMatchObject({ accepted: false, kind: 'final', code: 'expired' });
    expect(received.length).toBe(before);
  });

  it('has no delivery callbacks, and refuses inbound e-mails without an inbound secret', async () => {
    const sut = provider();
    expect(sut.parseStatus()).toBeNull();
    const raw = await patientReply('<q@cabinet.example>', 'Oui');
    const callback = { body: raw, headers: { 'x-clinicflow-signature': signInboundEmail('', raw) } };
    await expect(sut.parseInbound(callback)).rejects.toThrow(InvalidCallbackError);
  });

  it('sends Reply-To, and reads the signed reply to the question it sent', async () => {
    const sut = provider({ replyTo: 'reponses@cabinet.example', inboundSecret: 'inbound-secret' });
    await sut.send(
      { channel: 'email', to: 'lea.martin@example.org', subject: 'Votre RDV', text: 'Répondez C ou N.' },
      'run-2#ask#patient',
    );
    const question = (received.at(-1) as Received).mail;
    expect(question.replyTo?.value).toEqual([{ address: 'reponses@cabinet.example', name: '' }]);
    const raw = await patientReply(question.messageId!, 'Non merci, je ne pourrai pas venir.');
    const signed = {
      body: raw,
      headers: { 'X-Clinicflow-Signature': signInboundEmail('inbound-secret', raw) },
    };
    expect(await sut.parseInbound(signed)).toEqual({
      from: 'lea.martin@example.org',
      to: 'reponses@cabinet.example',
      text: 'Non merci, je ne pourrai pas venir.',
      at: expect.any(Date),
      providerMessageId: '<reply-1@example.org>',
      inReplyTo: [sut.messageId('run-2#ask#patient')],
    });
  });

  it.each([
    ['another secret', (raw: Buffer) => ({ 'x-clinicflow-signature': signInboundEmail('guess', raw) })],
    ['no signature', () => ({})],
  ])('refuses an inbound e-mail signed with %s', async (_title, headers) => {
    const sut = provider({ inboundSecret: 'inbound-secret' });
    const raw = await patientReply('<q@cabinet.example>', 'Oui');
    await expect(sut.parseInbound({ body: raw, headers: headers(raw) })).rejects.toThrow(
      InvalidCallbackError,
    );
    await expect(sut.parseInbound({ body: { text: 'Oui' }, headers: headers(raw) })).rejects.toThrow(
      /message\/rfc822/,
    );
  });

  it.each([
    { error: { code: 'EENVELOPE', message: 'No recipients defined' }, kind: 'final', code: 'address' },
    { error: { code: 'EMESSAGE', message: 'odd' }, kind: 'retryable', code: 'EMESSAGE' },
    { error: { message: 'odd' }, kind: 'retryable', code: 'smtp' },
  ])('classifies $error.code', ({ error, kind, code }) => {
    expect(classifySmtpError(Object.assign(new Error(error.message), error))).toMatchObject({ kind, code });
  });
});
