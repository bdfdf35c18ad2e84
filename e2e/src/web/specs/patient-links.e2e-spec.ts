import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { signedInApi, withSettings } from '../api';
import { artifacts } from '../login';

/** The clinic's mail server on the loopback (playwright.config.ts lets the API reach 127.0.0.1): keeps every mail. */
async function startMailbox() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A header as sent (mailparser answers List-* headers parsed). */
const headerOf = (mail: ParsedMail, name: string) =>
  mail.headerLines.find((header) => header.key === name)?.line.replace(/^[^:]+:\s*/, '');
/** The path of one of our links: its origin is PUBLIC_URL's (localhost here), the test's server is baseURL. */
const pathOf = (url: string | undefined) => new URL(url ?? 'http://missing/').pathname;

test.describe("the patient's links in an e-mail", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('an opened e-mail shows in the report, and its one-click unsubscribe page is accessible and works', async ({
    page,
    request,
  }) => {
    const mailbox = await startMailbox();
    const api = await signedInApi(request);
    const smtp = {
      kind: 'smtp',
      options: {
        host: '127.0.0.1',
        port: mailbox.port,
        requireTLS: false,
        defaultFrom: 'Demo <rdv@demo.example>',
      },
    };
    // sent now whatever the day and hour the suite runs (the demo clinic keeps Sundays and nights quiet)
    const anyTime = { windows: [], noSendWeekdays: [], holidays: [] };
    try {
      await withSettings(
        api,
        { testMode: false, quietHours: anyTime, providers: { email: smtp } },
        async () => {
          const address = `lea.${Date.now()}@example.org`;
          const patient = await api<{ id: string }>('POST', '/api/patients', {
            firstName: 'Léa',
            lastName: 'Lien',
            email: address,
            language: 'nb',
            consent: { email: { granted: true, purposes: [], source: 'pms', at: new Date().toISOString() } },
          });
          const sent = await api<{ id: string }>('POST', '/api/sends', {
            channel: 'email',
            patientId: patient.id,
            template: { subject: 'Timen din', body: 'Hei Léa, velkommen i morgen.' },
          });
          await expect
            .poll(
              async () =>
                mailbox.received.length ||
                (await api<{ status: string }>('GET', `/api/deliveries/${sent.id}`)).status,
              {
                timeout: 30_000,
              },
            )
            .toBe(1);
          const [mail] = mailbox.received;

          // the mail program loads the image: the report counts the opening
          const pixel = /<img src="([^"]+)" width="1" height="1"/.exec(String(mail.html))?.[1];
          expect((await request.get(pathOf(pixel))).headers()['content-type']).toBe('image/gif');
          const delivery = await api<{ opens: number; openedAt: string | null }>(
            'GET',
            `/api/deliveries/${sent.id}`,
          );
          expect(delivery.opens).toBe(1);
          expect(delivery.openedAt).not.toBeNull();
          const opened = await api<{ items: { id: string }[] }>(
            'GET',
            '/api/deliveries?opened=true&channel=email',
          );
          expect(opened.items.map((row) => row.id)).toContain(sent.id);

          // the patient follows List-Unsubscribe on a phone: a question in Norwegian, then one tap
          expect(headerOf(mail, 'list-unsubscribe-post')).toBeUndefined(); // http: no one-click POST header
          const unsubscribe = /^<([^>]+)>$/.exec(headerOf(mail, 'list-unsubscribe') ?? '')?.[1];
          await page.goto(pathOf(unsubscribe));
          await expect(page.getByRole('heading', { name: 'Meld deg av e-post' })).toBeVisible();
          const axe = await new AxeBuilder({ page })
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
            .analyze();
          expect(axe.violations.map((violation) => violation.id)).toEqual([]);
          await page.screenshot({ path: path.join(artifacts, 'unsubscribe-nb-390x844.png') });
          let consent = (
            await api<{ consent: { email: { granted: boolean } } }>('GET', `/api/patients/${patient.id}`)
          ).consent.email;
          expect(consent.granted).toBe(true);

          await page.getByRole('button', { name: 'Meld meg av' }).press('Enter');
          await expect(page.getByRole('status')).toContainText('du får ikke lenger e-post fra');
          consent = (
            await api<{ consent: { email: { granted: boolean; source: string } } }>(
              'GET',
              `/api/patients/${patient.id}`,
            )
          ).consent.email;
          expect(consent).toMatchObject({ granted: false, source: 'patient' });
        },
      );
    } finally {
      await mailbox.close();
    }
  });
});
