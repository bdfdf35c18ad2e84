import fc from 'fast-check';
import { LANGUAGES } from '../languages/language';
import { completeMessageContext, sampleMessageContext } from './message-context';
import { describeProblems, renderTemplate } from './render-template';
import { TEMPLATE_VARIABLES } from './variable-catalogue';

const context = sampleMessageContext();
const now = new Date('2026-12-02T10:00:00Z');

describe('renderTemplate', () => {
  it('writes a French appointment naturally', () => {
    const sut = renderTemplate(
      'Bonjour {{patient.firstName}}, RDV le {{date appointment.start "EEEE d MMMM"}} à {{time appointment.start}}.',
      context,
      { language: 'fr', now },
    );
    expect(sut).toEqual({ ok: true, text: 'Bonjour Léa, RDV le jeudi 3 décembre à 09:30.' });
  });

  it.each([
    { language: 'fr', text: 'jeudi 3 décembre à 09:30, demain, jeudi, 03/12/2026, 03/12, décembre, 45,00 €' },
    {
      language: 'es',
      text: 'jueves 3 de diciembre à 09:30, mañana, jueves, 03/12/2026, 03/12, diciembre, 45,00 €',
    },
    {
      language: 'nb',
      text: 'torsdag 3. desember à 09:30, i morgen, torsdag, 03.12.2026, 03.12, desember, 45,00 €',
    },
    {
      language: 'it',
      text: 'giovedì 3 dicembre à 09:30, domani, giovedì, 03/12/2026, 03/12, dicembre, 45,00 €',
    },
    {
      language: 'de',
      text: 'Donnerstag, 3. Dezember à 09:30, morgen, Donnerstag, 03.12.2026, 03.12., Dezember, 45,00 €',
    },
    {
      language: 'en',
      text: 'Thursday 3 December à 09:30, tomorrow, Thursday, 03/12/2026, 03/12, December, €45.00',
    },
  ] as const)('writes dates, days and prices in $language', ({ language, text }) => {
    const source =
      '{{appointment.longDate}} à {{appointment.startTime}}, {{relativeDay appointment.start}}, {{weekday appointment.start}}, ' +
      '{{appointment.date}}, {{appointment.shortDate}}, {{appointment.month}}, {{price service.price}}';
    expect(renderTemplate(source, context, { language, now })).toEqual({ ok: true, text });
  });

  it('uses the clinic zone across a daylight-saving change', () => {
    const summer = completeMessageContext({ appointment: { start: '2026-03-29T08:00:00Z' } });
    expect(
      renderTemplate('{{time appointment.start}} {{appointment.date}}', summer, { language: 'fr' }),
    ).toEqual({
      ok: true,
      text: '10:00 29/03/2026',
    });
  });

  it.each([
    { title: 'end time', source: '{{appointment.endTime}}', text: '10:00' },
    { title: 'day of month', source: '{{appointment.dayOfMonth}}', text: '3' },
    { title: 'numbers', source: '{{number 1234.5}}', text: '1 234,5' },
    { title: 'default date format', source: '{{date appointment.start}}', text: '03/12/2026' },
    { title: 'if blocks', source: '{{#if service.notes}}notes{{else}}none{{/if}}', text: 'none' },
    { title: 'with blocks', source: '{{#with patient}}{{firstName}}{{/with}}', text: 'Léa' },
    {
      title: 'the service group',
      source: '{{service.group}} : {{service.name}}',
      text: 'Soins dentaires : Détartrage',
    },
    { title: 'no escaping in plain text', source: '{{clinic.name}}', text: 'Cabinet du Parc' },
  ])('renders $title', ({ source, text }) => {
    expect(renderTemplate(source, context, { language: 'fr', now })).toEqual({ ok: true, text });
  });

  it('escapes values for HTML when asked', () => {
    const risky = completeMessageContext({ patient: { firstName: '<b>Léa & "Jo"</b>' } });
    expect(renderTemplate('<p>{{patient.firstName}}</p>', risky, { language: 'fr', escape: true })).toEqual({
      ok: true,
      text: '<p>&lt;b&gt;Léa &amp; &quot;Jo&quot;&lt;/b&gt;</p>',
    });
  });

  it.each([
    {
      title: 'an unknown variable',
      source: 'Bonjour {{patient.nickname}}',
      code: 'unknown-variable',
      line: 1,
      column: 11,
      message: /Unknown variable "patient.nickname"/,
    },
    {
      title: 'a wrongly cased variable',
      source: '{{patient.firstname}}',
      code: 'unknown-variable',
      line: 1,
      column: 3,
      message: /Did you mean "patient.firstName"/,
    },
    {
      title: 'a group used as a value',
      source: 'x\n  {{patient}}',
      code: 'unknown-variable',
      line: 2,
      column: 5,
      message: /is a group/,
    },
    {
      title: 'an unknown helper',
      source: '{{shout patient.firstName}}',
      code: 'unknown-helper',
      line: 1,
      column: 3,
      message: /Unknown helper "shout"/,
    },
    {
      title: 'an unknown variable in a helper',
      source: '{{date appointment.begin "d"}}',
      code: 'unknown-variable',
      line: 1,
      column: 8,
      message: /appointment.begin/,
    },
    {
      title: 'an unclosed block',
      source: 'Bonjour\n{{#if patient.firstName}} oui',
      code: 'syntax',
      line: 2,
      column: 30,
      message: /Syntax error/,
    },
    {
      title: 'an unfinished mustache',
      source: 'Bonjour {{patient.firstName',
      code: 'syntax',
      line: 1,
      column: 19,
      message: /Syntax error/,
    },
    {
      title: 'mismatched blocks',
      source: '{{#if service.notes}}x{{/with}}',
      code: 'syntax',
      line: 1,
      column: 4,
      message: /if doesn't match with/,
    },
    { title: 'a partial', source: '{{> footer}}', code: 'syntax', line: 1, column: 1, message: /Partials/ },
    {
      title: 'a helper without its value',
      source: '{{time}}',
      code: 'helper',
      line: 1,
      column: 1,
      message: /"time" needs a value/,
    },
    {
      title: 'a bad date',
      source: '{{date clinic.name}}',
      code: 'helper',
      line: 1,
      column: 1,
      message: /is not a date/,
    },
    {
      title: 'a bad price',
      source: '{{price clinic.name}}',
      code: 'helper',
      line: 1,
      column: 1,
      message: /is not a price/,
    },
    {
      title: 'a bad number',
      source: '{{number clinic.name}}',
      code: 'helper',
      line: 1,
      column: 1,
      message: /is not a number/,
    },
    {
      title: 'a missing field inside a block',
      source: '{{#with patient}}{{nickname}}{{/with}}',
      code: 'missing-value',
      line: 1,
      column: 20,
      message: /"nickname" not defined/,
    },
  ])('reports $title with its position', ({ source, code, line, column, message }) => {
    const sut = renderTemplate(source, context, { language: 'fr', now });
    expect(sut.ok).toBe(false);
    const [problem] = sut.ok ? [] : sut.problems;
    expect(problem).toMatchObject({ code, line, column });
    expect(problem.message).toMatch(message);
  });

  it('refuses triple braces in HTML but allows them in plain text', () => {
    expect(
      renderTemplate('<p>{{{patient.firstName}}}</p>', context, { language: 'fr', escape: true }),
    ).toMatchObject({
      ok: false,
      problems: [{ code: 'syntax', line: 1, column: 4, message: expect.stringMatching(/unescaped/) }],
    });
    expect(renderTemplate('{{{patient.firstName}}}', context, { language: 'fr' })).toEqual({
      ok: true,
      text: 'Léa',
    });
  });

  it('answers the same for a template rendered many times, in HTML and in plain text by turns', () => {
    // A template is parsed once and its inspection kept: what one render found must not stick to the next.
    const source = '{{{patient.firstName}}}';
    for (let round = 0; round < 3; round++) {
      expect(renderTemplate(source, context, { language: 'fr', escape: true })).toMatchObject({
        ok: false,
        problems: [{ code: 'syntax', message: expect.stringMatching(/unescaped/) }],
      });
      expect(renderTemplate(source, context, { language: 'fr' })).toEqual({ ok: true, text: 'Léa' });
    }
  });

  it('reports a value the context lacks rather than an empty string', () => {
    const partial = { ...context, patient: { ...context.patient, address: undefined as unknown as string } };
    const sut = renderTemplate('Adresse : {{patient.address}}', partial, { language: 'fr' });
    expect(sut).toEqual({
      ok: false,
      problems: [{ code: 'missing-value', message: 'No value for "patient.address".', line: 1, column: 13 }],
    });
    expect(describeProblems(sut.ok ? [] : sut.problems)).toEqual([
      'No value for "patient.address". (line 1, column 13)',
    ]);
  });

  it('reports an appointment time that cannot be read', () => {
    const broken = completeMessageContext({ appointment: { start: 'tomorrow' } });
    const sut = renderTemplate('{{patient.firstName}}', broken, { language: 'fr' });
    expect(sut.ok === false && sut.problems[0].message).toMatch(/cannot be read/);
  });

  it('renders every catalogue variable in every language', () => {
    const source = TEMPLATE_VARIABLES.map((variable) => `{{${variable.path}}}`).join('|');
    for (const language of LANGUAGES) {
      const sut = renderTemplate(source, context, { language, now });
      expect(sut.ok).toBe(true);
    }
    const french = renderTemplate(source, context, { language: 'fr', now: new Date('2026-12-02T10:00:00Z') });
    expect(french.ok && french.text.split('|')).toEqual(TEMPLATE_VARIABLES.map((v) => v.example));
  });

  it('never renders an empty string for text around an unknown variable (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,8}$/), (name) => {
        const sut = renderTemplate(`Hi {{patient.${name}X}}`, context, { language: 'en' });
        expect(sut.ok).toBe(false);
      }),
    );
  });
});
