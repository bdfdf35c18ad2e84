import { EngineService } from '../src/modules/engine/engine.service';
import { smtpTo, startMailbox, startSmsc, type Mailbox, type Smsc } from './engine-dispatch-peers';
import { until } from './engine-dispatch-fixtures';
import { useTestContext, type TestClinic } from './test-app';
import { TestClock } from './test-clock';

/**
 * Alerts to the clinic admin (F10), by e-mail and SMS through a real SMTP server and a real SMS centre: a
 * message failed for good, the SMS provider failing several times in a row, SMS credits below the clinic's
 * threshold; each once per occurrence window however many times it happens.
 */
describe('alerts to the clinic admin (F10)', () => {
  const clock = new TestClock('2026-04-06T08:00:00Z');
  const ctx = useTestContext({}, { clock });
  const drain = () => ctx.app.get(EngineService).drain();
  let smsc: Smsc;
  let mailbox: Mailbox;

  const admin = { email: 'admin@cabinet.example', mobile: '+33611223344' };
  const mailsToAdmin = () => mailbox.received.filter((m) => m.to.includes(admin.email));
  // the SMS centre sees international numbers without their "+" (TON international)
  const smsToAdmin = () => smsc.submits.filter((s) => `+${s.to.replace(/^\+/, '')}` === admin.mobile);
  const providers = () => ({
    sms: {
      kind: 'smpp',
      options: { host: '127.0.0.1', port: smsc.port, systemId: 'clinic', defaultFrom: 'Cabinet' },
      credentials: { password: 'secret' },
    },
    email: smtpTo(mailbox, 'Cabinet <rdv@cabinet.example>'),
  });
  /** A one-off SMS to a number (not a patient): a message that goes through the clinic's SMS provider. */
  const sms = (clinic: TestClinic, to = '06 12 34 56 78') =>
    ctx
      .as(clinic)
      .post('/api/sends', { channel: 'sms', to, template: { body: 'Le cabinet est fermé lundi.' } });
  /** Lets the mail and the SMS centre receive what was handed to them. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  beforeAll(async () => {
    [smsc, mailbox] = await Promise.all([startSmsc(), startMailbox()]);
  });
  afterAll(() => Promise.all([smsc.close(), mailbox.close()]));

  describe('the admin’s mobile and the alerts’ settings', () => {
    const clinic = ctx.clinic();

    it('should store the admin’s mobile in E.164 with the clinic’s country', async () => {
      const { body } = await ctx
        .as(clinic)
        .put('/api/settings', {
          adminMobile: '06 11 22 33 44',
          adminAlerts: { creditsBelow: 20, providerFailuresInARow: 4 },
        })
        .expect(200);
      expect(body).toMatchObject({
        adminMobile: admin.mobile,
        adminAlerts: { creditsBelow: 20, providerFailuresInARow: 4 },
      });
      expect((await ctx.as(clinic).get('/api/settings').expect(200)).body.adminMobile).toBe(admin.mobile);
    });

    it.each([
      ['a landline as the admin’s mobile', { adminMobile: '01 42 68 53 00' }, 'body.adminMobile'],
      ['a mobile that is no number', { adminMobile: 'call me' }, 'body.adminMobile'],
      [
        'one failure as "several in a row"',
        { adminAlerts: { creditsBelow: null, providerFailuresInARow: 1 } },
        'body.adminAlerts.providerFailuresInARow',
      ],
    ])('should answer 400 naming the field for %s', async (_title, update, path) => {
      const answer = await ctx.as(clinic).put('/api/settings', update).expect(400);
      expect(answer.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    });
  });

  describe('a message failed for good, and the SMS provider failing', () => {
    const clinic = ctx.clinic();

    beforeAll(async () => {
      await ctx
        .as(clinic)
        .put('/api/settings', {
          testMode: false,
          adminEmail: admin.email,
          adminMobile: '06 11 22 33 44',
          adminAlerts: { creditsBelow: null, providerFailuresInARow: 3 },
          providers: providers(),
        })
        .expect(200);
      await ctx.as(clinic).post('/api/settings/credits/top-ups', { credits: 100 }).expect(200);
    });

    it('should tell the admin once by e-mail and SMS that messages failed for good', async () => {
      smsc.script.push('invalid-destination', 'invalid-destination');
      const first = await sms(clinic).expect(201);
      const second = await sms(clinic, '06 98 76 54 32').expect(201);
      await drain();
      await until(() => mailsToAdmin().length >= 1);
      await drain();
      await settle();
      for (const sent of [first, second]) {
        const { body } = await ctx.as(clinic).get(`/api/deliveries/${sent.body.id}`).expect(200);
        expect(body).toMatchObject({ status: 'failed', error: { code: 'smpp-0x0b' } });
      }
      expect(mailsToAdmin().map((m) => m.mail.subject)).toEqual(['Un message n’a pas pu être envoyé']);
      expect(mailsToAdmin()[0].mail.text).toContain('(erreur : smpp-0x0b)');
      expect(smsToAdmin().map((s) => s.text)).toEqual([
        expect.stringMatching(
          /^Clinic \d+ : un message a échoué définitivement \(erreur smpp-0x0b\)\. Voir le rapport\.$/,
        ),
      ]);
      // no patient's number in what the admin is told
      expect(JSON.stringify([mailsToAdmin()[0].mail.text, smsToAdmin()[0].text])).not.toContain('612345678');
    });

    it('should tell the admin once when the SMS provider failed 3 times in a row', async () => {
      const mailsBefore = mailsToAdmin().length;
      const smsBefore = smsToAdmin().length;
      smsc.script.push('throttle', 'throttle', 'throttle', 'throttle');
      for (let n = 0; n < 4; n++) await sms(clinic).expect(201);
      await drain();
      await until(() => mailsToAdmin().length > mailsBefore);
      await drain();
      await settle();
      const alerts = mailsToAdmin().slice(mailsBefore);
      expect(alerts.map((m) => m.mail.subject)).toEqual(['Le fournisseur SMS est en échec']);
      expect(alerts[0].mail.text).toContain('a échoué 3 fois de suite (dernière erreur : smpp-0x58)');
      expect(
        smsToAdmin()
          .slice(smsBefore)
          .map((s) => s.text),
      ).toEqual([expect.stringContaining('le fournisseur SMS a échoué 3 fois de suite (erreur smpp-0x58)')]);
    });
  });

  describe('SMS credits below the threshold', () => {
    const clinic = ctx.clinic();

    beforeAll(async () => {
      await ctx
        .as(clinic)
        .put('/api/settings', {
          testMode: false,
          adminEmail: admin.email,
          adminAlerts: { creditsBelow: 3, providerFailuresInARow: 5 },
          providers: providers(),
        })
        .expect(200);
      await ctx.as(clinic).post('/api/settings/credits/top-ups', { credits: 5 }).expect(200);
    });

    it('should e-mail the admin once when the credits fall below it, and again after a top-up', async () => {
      const subjects = () => mailsToAdmin().filter((m) => m.mail.subject === 'Crédits SMS bientôt épuisés');
      await sms(clinic).expect(201);
      await sms(clinic).expect(201);
      await drain();
      await settle();
      expect(subjects()).toEqual([]); // 3 left: not below 3

      await sms(clinic).expect(201);
      await sms(clinic).expect(201);
      await drain();
      await until(() => subjects().length >= 1);
      await settle();
      expect(subjects()).toHaveLength(1);
      // The two SMS may be debited in one group (2 left, then 1): the alert tells the first send's to end.
      expect(subjects()[0].mail.text).toMatch(/il reste [12] crédits SMS, sous le seuil d’alerte de 3/);

      await ctx.as(clinic).post('/api/settings/credits/top-ups', { credits: 1 }).expect(200);
      await sms(clinic).expect(201);
      await drain();
      await until(() => subjects().length >= 2);
      await settle();
      expect(subjects()).toHaveLength(2);
    });
  });
});
