import { EngineService } from '../src/modules/engine/engine.service';
import { smtpTo, startMailbox, type Mailbox } from './engine-dispatch-peers';
import { engineDriver } from './engine-fixtures';
import { parseCsv } from './report-fixtures';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

const PUBLIC_URL = 'https://clinic.example.com';

/** The path of one of our links, for the test's HTTP client (the links name PUBLIC_URL). */
const pathOf = (url: string) => {
  expect(url.startsWith(`${PUBLIC_URL}/p/`)).toBe(true);
  return url.slice(PUBLIC_URL.length);
};

describe('e-mail opens and one-click unsubscribe (C6, RFC 8058)', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({ PUBLIC_URL }, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  let mailbox: Mailbox;
  let patientId: string;

  /** Sends an e-mail to Léa now and answers the mail the SMTP server received, with its delivery's id. */
  const sendEmail = async (subject: string) => {
    const sent = await ctx
      .as(clinic)
      .post('/api/sends', { channel: 'email', patientId, template: { subject, body: 'Bonjour Léa.' } })
      .expect(201);
    const before = mailbox.received.length;
    await ctx.app.get(EngineService).drain();
    expect(mailbox.received).toHaveLength(before + 1);
    return { id: sent.body.id as string, mail: mailbox.received.at(-1)!.mail };
  };
  const pixelOf = (html: string) => /<img src="([^"]+)" width="1" height="1"/.exec(html)?.[1];
  /** A header as sent (mailparser answers List-* headers parsed). */
  const headerOf = (mail: Mailbox['received'][number]['mail'], name: string) =>
    mail.headerLines.find((header) => header.key === name)?.line.replace(/^[^:]+:\s*/, '');
  const unsubscribeOf = (mail: Mailbox['received'][number]['mail']) =>
    /^<([^>]+)>$/.exec(headerOf(mail, 'list-unsubscribe') ?? '')?.[1];
  const deliveryOf = async (id: string) =>
    (await ctx.as(clinic).get(`/api/deliveries/${id}`).expect(200)).body;
  const consentOf = async () =>
    (await ctx.as(clinic).get(`/api/patients/${patientId}`).expect(200)).body.consent?.email;

  beforeAll(async () => {
    mailbox = await startMailbox();
    await engine.settings(clinic, {
      testMode: false,
      consent: { mode: 'opt-in', purposes: ['reminders'] },
      providers: {
        email: smtpTo(mailbox, 'Cabinet du Parc <rdv@cabinet.example>'),
      },
    });
    const created = await ctx
      .as(clinic)
      .post('/api/patients', {
        firstName: 'Léa',
        lastName: 'Martin',
        email: 'lea.martin@example.org',
        language: 'fr',
        consent: {
          email: { granted: true, purposes: ['reminders'], source: 'pms', at: '2026-03-01T10:00:00Z' },
        },
      })
      .expect(201);
    patientId = created.body.id;
  });
  afterAll(() => mailbox.close());

  it('should count the openings of an e-mail, keep the first time, and ignore a tampered image', async () => {
    const { id, mail } = await sendEmail('Votre rendez-vous');
    const pixel = pixelOf(String(mail.html));
    expect(pixel).toMatch(/^https:\/\/clinic\.example\.com\/p\/o\/[0-9a-f]{32}\.[\w-]{22}$/);
    // nothing about the patient in it: the delivery's id and a signature
    expect(pixel).not.toMatch(/lea|martin|example\.org/i);
    expect(await deliveryOf(id)).toMatchObject({ status: 'sent', openedAt: null, opens: 0 });

    clock.set('2026-03-02T09:15:00Z');
    const image = await ctx.http().get(pathOf(pixel!)).expect(200);
    expect(image.headers['content-type']).toBe('image/gif');
    expect(image.headers['cache-control']).toContain('no-store');
    clock.set('2026-03-02T11:00:00Z');
    await ctx.http().get(pathOf(pixel!)).expect(200);
    expect(await deliveryOf(id)).toMatchObject({
      status: 'sent',
      openedAt: '2026-03-02T09:15:00.000Z',
      opens: 2,
    });

    // a character of the signature changed (not only the last one's padding bits)
    const tampered = pathOf(pixel!).replace(/\.(.)/, (_, c: string) => `.${c === 'A' ? 'B' : 'A'}`);
    await ctx.http().get(tampered).expect(200);
    await ctx.http().get('/p/o/not-a-token').expect(200);
    expect((await deliveryOf(id)).opens).toBe(2);

    // the report's filter and export
    const unopened = await sendEmail('Pas encore lu');
    const ids = async (opened: string) =>
      (await ctx.as(clinic).get(`/api/deliveries?channel=email&opened=${opened}`).expect(200)).body.items.map(
        (row: { id: string }) => row.id,
      );
    expect(await ids('true')).toEqual([id]);
    expect(await ids('false')).toEqual([unopened.id]);
    const refused = await ctx.as(clinic).get('/api/deliveries?opened=yes').expect(400);
    expect(refused.body.errors).toEqual([{ path: 'query.opened', message: 'must be true or false' }]);
    const csv = await ctx
      .as(clinic)
      .get('/api/deliveries/export?format=csv&confirm=personal-data&opened=true')
      .expect(200);
    const [headers, row] = parseCsv(csv.text.replace(/^\uFEFF/, ''));
    expect(row[headers.indexOf('opened (Europe/Paris)')]).toBe('2026-03-02 10:15:00');
    expect(row[headers.indexOf('opens')]).toBe('2');
  });

  it('should carry one-click unsubscribe headers, and withdraw e-mail consent only on the POST', async () => {
    const { mail } = await sendEmail('Rappel');
    const url = unsubscribeOf(mail);
    expect(url).toMatch(/^https:\/\/clinic\.example\.com\/p\/u\/[0-9a-f]{32}\.[\w-]{22}$/);
    expect(headerOf(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    // a link scanner's GET changes nothing; the page asks, in the patient's language
    const page = await ctx.http().get(pathOf(url!)).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<html lang="fr">');
    expect(page.text).toContain('<form method="post">');
    expect(await consentOf()).toMatchObject({ granted: true });

    // a pending e-mail of hers, planned for later, is stopped with the consent
    const later = await ctx
      .as(clinic)
      .post('/api/sends', {
        channel: 'email',
        patientId,
        sendAt: '2026-03-05T09:00:00Z',
        template: { subject: 'Plus tard', body: 'Bonjour.' },
      })
      .expect(201);

    clock.set('2026-03-02T12:00:00Z');
    const done = await ctx
      .http()
      .post(pathOf(url!))
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(done.text).toContain('vous ne recevrez plus d’e-mails de');
    expect(await consentOf()).toMatchObject({
      granted: false,
      source: 'patient',
      at: '2026-03-02T12:00:00.000Z',
    });
    expect(await deliveryOf(later.body.id)).toMatchObject({ status: 'cancelled' });
    // a second click is answered the same and changes nothing more
    await ctx.http().post(pathOf(url!)).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect(await consentOf()).toMatchObject({ granted: false, at: '2026-03-02T12:00:00.000Z' });
  });

  it('should refuse an unsubscribe link that is not ours, or an open link used to unsubscribe', async () => {
    const openToken = pixelOf(String(mailbox.received[0].mail.html))!.split('/').at(-1)!;
    const refused = await ctx.http().post(`/p/u/${openToken}`).set('Accept-Language', 'nb-NO').expect(404);
    expect(refused.text).toContain('Denne lenken er ikke gyldig.');
    await ctx.http().get('/p/u/abc').expect(404);
  });

  it('should leave the image out when the clinic switches open tracking off, and keep the unsubscribe link', async () => {
    await ctx.as(clinic).put('/api/settings', { emailOpenTracking: false }).expect(200);
    await ctx
      .as(clinic)
      .post(`/api/patients/${patientId}/consent`, {
        channel: 'email',
        granted: true,
        purposes: ['reminders'],
        at: '2026-03-02T13:00:00Z',
      })
      .expect(200);
    const { mail } = await sendEmail('Sans suivi');
    expect(pixelOf(String(mail.html))).toBeUndefined();
    expect(unsubscribeOf(mail)).toBeDefined();
    expect((await ctx.as(clinic).get('/api/settings').expect(200)).body.emailOpenTracking).toBe(false);
  });
});
