import MailComposer from 'nodemailer/lib/mail-composer';
import {
  parseInboundEmail,
  replyWithoutQuote,
  signInboundEmail,
  verifyInboundEmailSignature,
} from './inbound-email';

describe(replyWithoutQuote.name, () => {
  it.each([
    ['Oui\n\n> Répondez C ou N.', 'Oui'],
    ['C\n\nLe lun. 6 mars 2026 à 09:00, Cabinet <rdv@cabinet.example> a écrit :\n> Répondez C', 'C'],
    [
      'N please\r\n\r\nOn Mon, 6 Mar 2026 at 09:00, Cabinet\r\n<rdv@cabinet.example> wrote:\r\n> Reply C',
      'N please',
    ],
    ['Sí\n\nEl lun, 6 mar 2026, Clínica escribió:\n> Responda C', 'Sí'],
    ['Nein\n\nAm Mo., 6. März 2026 um 09:00 schrieb Praxis <p@x.de>:\n> Antworten Sie', 'Nein'],
    ['Ja\n\nDen man. 6. mars 2026 skrev Klinikk <k@x.no>:\n> Svar', 'Ja'],
    ["Oui\n\n-----Message d'origine-----\nDe : Cabinet\n", 'Oui'],
    ['Oui\n\n________________________________\nFrom: Cabinet <rdv@cabinet.example>', 'Oui'],
    ['Oui, à jeudi\n-- \nLéa Martin\n06 12 34 56 78', 'Oui, à jeudi'],
    ['Je serai là.\nMerci !', 'Je serai là.\nMerci !'],
    ['Le rendez-vous me va.', 'Le rendez-vous me va.'],
  ])('should keep only the reply of %p', (text, expected) => {
    expect(replyWithoutQuote(text)).toBe(expected);
  });
});

describe(verifyInboundEmailSignature.name, () => {
  const body = Buffer.from('From: a@example.org\r\n\r\nOui');

  it('should accept the HMAC of the body with the clinic’s secret, in either case', () => {
    const signature = signInboundEmail('s3cret', body);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyInboundEmailSignature('s3cret', body, signature)).toBe(true);
    expect(verifyInboundEmailSignature('s3cret', body, signature.toUpperCase())).toBe(true);
  });

  it.each([
    ['another secret', 's3cret', signInboundEmail('other', body), body],
    [
      'a changed body',
      's3cret',
      signInboundEmail('s3cret', body),
      Buffer.from('From: a@example.org\r\n\r\nNon'),
    ],
    ['no signature', 's3cret', undefined, body],
    ['no secret', undefined, signInboundEmail('', body), body],
    ['an empty secret', '', signInboundEmail('', body), body],
  ])('should refuse %s', (_title, secret, signature, received) => {
    expect(verifyInboundEmailSignature(secret, received, signature)).toBe(false);
  });
});

describe(parseInboundEmail.name, () => {
  it('should read the sender, the reply and the questions it answers, newest first', async () => {
    const raw = await new MailComposer({
      from: '"Léa Martin" <LEA@example.org>',
      to: 'Cabinet <reponses@cabinet.example>',
      subject: 'Re: Votre RDV',
      messageId: '<r1@example.org>',
      inReplyTo: '<q2@cabinet.example>',
      references: ['<q1@cabinet.example>', '<q2@cabinet.example>'],
      html: '<p>Oui, merci</p><blockquote>Répondez C</blockquote>',
    })
      .compile()
      .build();
    expect(await parseInboundEmail(raw)).toEqual({
      from: 'lea@example.org',
      to: 'reponses@cabinet.example',
      text: expect.stringMatching(/^Oui, merci/),
      messageId: '<r1@example.org>',
      inReplyTo: ['<q2@cabinet.example>', '<q1@cabinet.example>'],
    });
  });

  it('should answer null for a message without a sender', async () => {
    expect(await parseInboundEmail(Buffer.from('Subject: hi\r\n\r\nOui'))).toBeNull();
  });
});
