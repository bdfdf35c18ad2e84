import { completeMessageContext } from '../templates/message-context';
import type { MessageTemplate } from '../templates/choose-template-variant';
import { composeMessage } from './compose-message';

const context = completeMessageContext();
const now = new Date('2026-12-02T10:00:00Z');
const reminder: MessageTemplate = {
  body: 'Bonjour {{patient.firstName}}, RDV {{relativeDay appointment.start}} {{appointment.longDate}} à {{appointment.startTime}}. Tél. {{clinic.phone}}.',
  subject: 'Votre rendez-vous du {{appointment.longDate}}',
  variants: {
    es: {
      body: 'Hola {{patient.firstName}}, cita {{relativeDay appointment.start}} {{appointment.longDate}} a las {{appointment.startTime}}.',
    },
    nb: {
      body: 'Hei {{patient.firstName}}, time {{relativeDay appointment.start}} {{appointment.longDate}} kl. {{appointment.startTime}}.',
    },
  },
};

describe('composeMessage', () => {
  it.each([
    {
      patientLanguage: 'fr',
      language: 'fr',
      text: 'Bonjour Léa, RDV demain jeudi 3 décembre à 09:30. Tél. +33142685300.',
    },
    {
      patientLanguage: 'es',
      language: 'es',
      text: 'Hola Léa, cita mañana jueves 3 de diciembre a las 09:30.',
    },
    { patientLanguage: 'nb', language: 'nb', text: 'Hei Léa, time i morgen torsdag 3. desember kl. 09:30.' },
    {
      patientLanguage: 'de',
      language: 'fr',
      text: 'Bonjour Léa, RDV demain jeudi 3 décembre à 09:30. Tél. +33142685300.',
    },
  ])('writes an SMS for a $patientLanguage patient in $language', ({ patientLanguage, language, text }) => {
    const sut = composeMessage({ channel: 'sms', template: reminder, context, patientLanguage, now });
    expect(sut).toMatchObject({
      ok: true,
      message: { language, text, sms: { encoding: 'GSM-7', segments: 1, credits: 1 } },
    });
  });

  it('composes an e-mail with subject, HTML and links', () => {
    const sut = composeMessage({
      channel: 'email',
      template: reminder,
      context,
      now,
      emailLinks: { unsubscribeUrl: 'https://u' },
    });
    expect(sut).toMatchObject({
      ok: true,
      message: {
        subject: 'Votre rendez-vous du jeudi 3 décembre',
        headers: { 'List-Unsubscribe': '<https://u>' },
      },
    });
  });

  it('composes a WhatsApp text, and its approved template with the variables written in the same language', () => {
    const template: MessageTemplate = {
      body: 'Bonjour {{patient.firstName}}, RDV {{appointment.longDate}} à {{appointment.startTime}}.',
      whatsapp: {
        contentSid: 'HX0123456789abcdef0123456789abcdef',
        variables: ['{{patient.firstName}}', '{{appointment.longDate}} à {{appointment.startTime}}'],
      },
    };
    const sut = composeMessage({ channel: 'whatsapp', template, context, patientLanguage: 'fr', now });
    expect(sut).toEqual({
      ok: true,
      message: {
        language: 'fr',
        text: 'Bonjour Léa, RDV jeudi 3 décembre à 09:30.',
        whatsappTemplate: {
          contentSid: 'HX0123456789abcdef0123456789abcdef',
          variables: { '1': 'Léa', '2': 'jeudi 3 décembre à 09:30' },
        },
      },
    });
    const broken = {
      ...template,
      whatsapp: { contentSid: template.whatsapp!.contentSid, variables: ['{{#if}}'] },
    };
    expect(composeMessage({ channel: 'whatsapp', template: broken, context, now })).toMatchObject({
      ok: false,
      errors: [{ path: 'template.whatsapp.variables.0' }],
    });
  });

  it('composes a voice script', () => {
    const sut = composeMessage({
      channel: 'voice',
      template: { body: 'Bonjour {{patient.firstName}}.' },
      context,
      patientLanguage: 'it',
    });
    expect(sut).toMatchObject({
      ok: true,
      message: {
        language: 'fr',
        speechLanguage: 'fr-FR',
        ssml: '<speak xml:lang="fr-FR"><s>Bonjour Léa.</s></speak>',
      },
    });
  });

  it.each([
    { channel: 'sms', template: { body: '{{nope}}' }, path: 'template.body' },
    { channel: 'voice', template: { body: '{{nope}}' }, path: 'template.body' },
    { channel: 'email', template: { body: '{{nope}}', subject: 's' }, path: 'template.body' },
    { channel: 'email', template: { body: 'x', subject: '{{nope}}' }, path: 'template.subject' },
  ] as const)('reports a $channel problem at $path', ({ channel, template, path }) => {
    const sut = composeMessage({ channel, template, context });
    expect(sut).toEqual({
      ok: false,
      errors: [{ path, message: 'Unknown variable "nope". (line 1, column 3)' }],
    });
  });
});
