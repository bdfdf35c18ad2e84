import {
  savedTemplateProblems,
  sendTemplateData,
  sendTemplateProblems,
  sendTexts,
  showsNextAppointment,
} from './send-address';

describe(sendTemplateProblems.name, () => {
  it.each([
    { subject: 'nobody', body: 'De la part de {{user.name}}, {{clinic.name}}' },
    {
      subject: 'patient',
      body: '{{patient.firstName}}, {{patient.referringDoctor.name}} ({{patient.insurer}})',
    },
    {
      subject: 'appointment',
      body: '{{date appointment.start "d MMMM"}} avec {{resource.name}}, {{user.name}}',
    },
  ] as const)('should accept what a send about $subject can fill', ({ subject, body }) => {
    expect(sendTemplateProblems({ body }, subject)).toEqual([]);
  });

  it.each([
    {
      subject: 'nobody',
      body: 'Bonjour {{patient.firstName}}',
      message:
        '{{patient.firstName}} cannot be filled: the message is not about a patient (line 1, column 11)',
    },
    {
      subject: 'patient',
      body: 'RDV le {{appointment.longDate}}',
      message:
        '{{appointment.longDate}} cannot be filled: the message is about a patient, not an appointment (line 1, column 10)',
    },
    {
      subject: 'appointment',
      body: 'Retard : {{delay.minutes}} min',
      message: '{{delay.minutes}} cannot be filled: a batch send has no such value (line 1, column 12)',
    },
  ] as const)(
    'should name the body and the variable a send about $subject cannot fill',
    ({ subject, body, message }) => {
      expect(sendTemplateProblems({ body }, subject)).toEqual([{ path: 'body.template.body', message }]);
    },
  );

  it('should name the subject, and refuse what no template may show', () => {
    expect(sendTemplateProblems({ body: 'x', subject: '{{patient.birthDate}}' }, 'patient')).toEqual([
      { path: 'body.template.subject', message: expect.stringContaining('patient.birthDate') },
    ]);
  });

  it('should leave alone what a block reads from its own value', () => {
    expect(sendTemplateProblems({ body: '{{#with clinic}}{{name}}{{/with}}' }, 'nobody')).toEqual([]);
  });
});

describe(savedTemplateProblems.name, () => {
  it('should name the saved template with the language of the text', () => {
    const saved = { variants: { fr: { body: 'RDV {{appointment.date}}' }, en: { body: 'Hello' } } };
    expect(savedTemplateProblems(saved as never, 'patient')).toEqual([
      { path: 'body.template.templateId', message: expect.stringMatching(/^fr: \{\{appointment\.date\}\}/) },
    ]);
  });
});

describe(showsNextAppointment.name, () => {
  it.each([
    [['{{date patient.nextAppointmentAt}}'], true],
    [['Bonjour', undefined, null], false],
  ])('should say whether %p reads the next appointment', (texts, expected) => {
    expect(showsNextAppointment(texts)).toBe(expected);
  });
});

describe(sendTexts.name, () => {
  it('should list the written text, or every text of the saved template', () => {
    expect(sendTexts({ body: 'a', subject: 'b' }, null)).toEqual(['a', 'b']);
    const saved = { variants: { fr: { body: 'c', subject: 'd' }, en: { body: 'e' } } };
    expect(sendTexts({ templateId: 't' }, saved as never)).toEqual(['c', 'd', 'e']);
  });
});

describe(sendTemplateData.name, () => {
  it('should add the sending user to the data, even without a context', () => {
    expect(sendTemplateData(null, new Date(), { name: 'Claire' })).toEqual({ user: { name: 'Claire' } });
  });
});
