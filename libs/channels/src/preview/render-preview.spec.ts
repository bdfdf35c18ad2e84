import { renderPreview } from './render-preview';

const now = new Date('2026-12-02T10:00:00Z');

describe('renderPreview', () => {
  it('answers the api.md example with the size of the SMS', () => {
    const sut = renderPreview({
      channel: 'sms',
      template: {
        body: 'Bonjour {{patient.firstName}}, RDV le {{date appointment.start "EEEE d MMMM"}} à {{time appointment.start}}.',
      },
      language: 'fr',
      now,
    });
    expect(sut).toEqual({
      text: 'Bonjour Léa, RDV le jeudi 3 décembre à 09:30.',
      subject: null,
      encoding: 'GSM-7',
      characters: 45,
      segments: 1,
      credits: 1,
      errors: [],
    });
  });

  it.each([
    {
      title: 'a ç makes it UCS-2',
      body: 'Ça va, {{patient.firstName}} ? Reçu.',
      encoding: 'UCS-2',
      characters: 18,
      segments: 1,
      credits: 1,
    },
    {
      title: 'a € counts 2',
      body: '{{price service.price}}',
      encoding: 'GSM-7',
      characters: 8,
      segments: 1,
      credits: 1,
    },
    {
      title: 'a long SMS costs one credit per segment',
      body: '{{clinic.name}} '.repeat(12),
      encoding: 'GSM-7',
      characters: 192,
      segments: 2,
      credits: 2,
    },
  ])('$title', ({ body, title: _title, ...expected }) => {
    expect(renderPreview({ channel: 'sms', template: { body }, language: 'fr', now })).toMatchObject(
      expected,
    );
  });

  it('uses the context given, filling the rest with sample data', () => {
    const sut = renderPreview({
      channel: 'sms',
      template: { body: '{{patient.firstName}} {{patient.lastName}}, {{appointment.longDate}}' },
      language: 'es',
      context: { patient: { firstName: 'Iñaki' }, clinic: { timeZone: 'America/Argentina/Buenos_Aires' } },
      now,
    });
    expect(sut.text).toBe('Iñaki Martin, jueves 3 de diciembre');
  });

  it('falls back to the clinic language for an unknown language', () => {
    expect(
      renderPreview({ channel: 'sms', template: { body: '{{weekday appointment.start}}' }, language: 'xx' })
        .text,
    ).toBe('jeudi');
  });

  it.each([
    {
      title: 'an unknown variable',
      request: { channel: 'sms', template: { body: 'Hi {{patient.nick}}' } },
      path: 'template.body',
      message: 'Unknown variable "patient.nick". (line 1, column 6)',
    },
    {
      title: 'bad syntax in a voice script',
      request: { channel: 'voice', template: { body: '{{#if x}}' } },
      path: 'template.body',
      message: /Syntax error/,
    },
    {
      title: 'an SMS without a body',
      request: { channel: 'sms', template: {} },
      path: 'template.body',
      message: 'The message has no text.',
    },
    {
      title: 'an e-mail without a subject',
      request: { channel: 'email', template: { body: 'x' } },
      path: 'template.subject',
      message: 'An e-mail needs a subject.',
    },
    {
      title: 'an e-mail subject error',
      request: { channel: 'email', template: { subject: '{{x}}', body: 'x' } },
      path: 'template.subject',
      message: /Unknown variable "x"/,
    },
    {
      title: 'an e-mail body error',
      request: { channel: 'email', template: { subject: 's', body: '{{y}}' } },
      path: 'template.body',
      message: /Unknown variable "y"/,
    },
  ] as const)('reports $title at its path, with no text', ({ request, path, message }) => {
    const sut = renderPreview(request as never);
    expect(sut.text).toBeNull();
    expect(sut.errors).toHaveLength(1);
    expect(sut.errors[0].path).toBe(path);
    expect(sut.errors[0].message).toEqual(
      typeof message === 'string' ? message : expect.stringMatching(message),
    );
  });

  it('previews an e-mail with subject, text and HTML, costing no credit', () => {
    const sut = renderPreview({
      channel: 'email',
      template: { subject: 'RDV {{appointment.shortDate}}', html: '<p>Bonjour {{patient.firstName}}</p>' },
      language: 'fr',
    });
    expect(sut).toMatchObject({
      subject: 'RDV 03/12',
      text: 'Bonjour Léa',
      html: '<p>Bonjour Léa</p>',
      credits: 0,
      errors: [],
    });
  });

  it('previews a voice script', () => {
    const sut = renderPreview({
      channel: 'voice',
      template: { body: 'Bonjour {{patient.firstName}}.' },
      language: 'fr',
    });
    expect(sut).toMatchObject({ text: 'Bonjour Léa.', subject: null, credits: 0 });
  });
});
