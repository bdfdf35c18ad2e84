import { sampleMessageContext } from '../templates/message-context';
import { composeEmail, htmlToText, textToHtml, unsubscribeHeaders } from './email-message';

const context = sampleMessageContext();

describe('composeEmail', () => {
  it('escapes values in HTML, derives the text, and adds the unsubscribe headers and the open pixel', () => {
    const sut = composeEmail(
      {
        subject: 'Votre RDV du {{appointment.longDate}}',
        html: '<html><body><p>Bonjour {{patient.firstName}} & bienvenue</p><a href="{{clinic.website}}">Notre site</a></body></html>',
      },
      { ...context, patient: { ...context.patient, firstName: 'Léa <3' } },
      { language: 'fr' },
      {
        unsubscribeUrl: 'https://c.example/u/1',
        unsubscribeMailto: 'stop@c.example',
        openTrackingPixelUrl: 'https://c.example/o/1.gif?a=1&b="2"',
      },
    );
    expect(sut.ok).toBe(true);
    const email = sut.ok ? sut.email : undefined;
    expect(email?.subject).toBe('Votre RDV du jeudi 3 décembre');
    expect(email?.html).toContain('<p>Bonjour Léa &lt;3 & bienvenue</p>');
    expect(email?.html).toContain(
      '<img src="https://c.example/o/1.gif?a=1&b=&quot;2&quot;" width="1" height="1" alt="" style="display:none"></body>',
    );
    expect(email?.text).toBe('Bonjour Léa <3 & bienvenue\nNotre site (https://cabinet-du-parc.example)');
    expect(email?.headers).toEqual({
      'List-Unsubscribe': '<https://c.example/u/1>, <mailto:stop@c.example>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('uses a given text as is and builds the HTML from it when there is none', () => {
    const sut = composeEmail(
      { subject: 'x', text: 'Bonjour {{patient.firstName}},\n\nA <bientôt>.\nCabinet' },
      context,
      { language: 'fr' },
      { openTrackingPixelUrl: 'https://p' },
    );
    expect(sut.ok && sut.email.text).toBe('Bonjour Léa,\n\nA <bientôt>.\nCabinet');
    expect(sut.ok && sut.email.html).toBe(
      '<p>Bonjour Léa,</p>\n<p>A &lt;bientôt&gt;.<br>Cabinet</p>\n<img src="https://p" width="1" height="1" alt="" style="display:none">',
    );
    expect(sut.ok && sut.email.headers).toEqual({});
  });

  it.each([
    { title: 'the subject', template: { subject: '{{nope}}', text: 'x' }, path: 'template.subject' },
    { title: 'the HTML', template: { subject: 's', html: '{{#if}}' }, path: 'template.html' },
    { title: 'the text', template: { subject: 's', text: '{{patient.age}}' }, path: 'template.text' },
    { title: 'an e-mail without text', template: { subject: 's' }, path: 'template.text' },
  ])('reports a problem in $title', ({ template, path }) => {
    const sut = composeEmail(template, context, { language: 'fr' });
    expect(sut.ok).toBe(false);
    expect(!sut.ok && sut.problems[0].path).toBe(path);
  });
});

describe('htmlToText', () => {
  it.each([
    { html: '<p>a</p><p>b</p>', text: 'a\nb' },
    { html: 'a<br>b<br/>c', text: 'a\nb\nc' },
    { html: '<style>p{}</style><ul><li>one</li><li>two</li></ul>', text: '- one\n- two' },
    { html: '<a href="https://x">https://x</a>', text: 'https://x' },
    { html: '&lt;&amp;&gt;&quot;&#39;&nbsp;&unknown;', text: '<&>"\' &unknown;' },
  ])('turns $html into text', ({ html, text }) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('round-trips plain text through HTML', () => {
    expect(htmlToText(textToHtml('a & b\n\nc'))).toBe('a & b\n\nc');
  });
});

describe('unsubscribeHeaders', () => {
  it('has no one-click header for a mailto only', () => {
    expect(unsubscribeHeaders({ unsubscribeMailto: 'mailto:stop@c.example' })).toEqual({
      'List-Unsubscribe': '<mailto:stop@c.example>',
    });
  });
});
