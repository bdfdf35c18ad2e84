import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { sendAtAnyHour, signedInApi, withSettings, type ApiCall } from '../api';
import { artifacts } from '../login';
import { bookNewPatient } from '../pms';

/*
 * Issue 20, parts 1 and 2, in Chromium on a phone (390×844): the booking SMS of a flow carries the patient's
 * short links; the confirm link opens the appointment page, one tap confirms: the API's appointment, the report
 * and the PMS's webhook receiver show it; the cancel link cancels once, a second tap says "already cancelled";
 * a tampered link gets a clear page. Screenshots of the page in French and Norwegian.
 */

/** A flow sending one SMS with the three links as soon as an appointment is booked. */
const linksFlow = (name: string) => ({
  name,
  description: 'e2e: the patient links',
  nodes: [
    { id: 'booked', type: 'trigger', position: { x: 0, y: 0 }, data: { events: ['appointment.booked'] } },
    {
      id: 'sms-links',
      type: 'send',
      position: { x: 0, y: 140 },
      data: {
        label: 'Links',
        channel: 'sms',
        recipient: { type: 'patient' },
        purpose: 'confirmation',
        template: {
          byLanguage: {
            fr: {
              body: 'RDV le {{date appointment.start "d MMMM"}}. Confirmer : {{links.confirm}} Annuler : {{links.cancel}} Autre horaire : {{links.reschedule}} Préférences : {{links.preferences}}',
            },
            nb: {
              body: 'Time {{date appointment.start "d. MMMM"}}. Bekreft: {{links.confirm}} Avbestill: {{links.cancel}} Annet tidspunkt: {{links.reschedule}}',
            },
          },
        },
      },
    },
    { id: 'end', type: 'end', position: { x: 0, y: 280 } },
  ],
  edges: [
    { id: 'e1', source: 'booked', target: 'sms-links', sourceHandle: null },
    { id: 'e2', source: 'sms-links', target: 'end', sourceHandle: null },
  ],
});

/** The PMS's webhook receiver on the loopback (playwright.config.ts lets the API reach 127.0.0.1). */
async function startReceiver() {
  const received: { type: string; data: { answer?: string; appointment?: { id: string } } }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString()));
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/pms`, received, close: () => server.close() };
}

/** The booking SMS of the flow for this appointment, once sent: its short links' paths, in the text's order. */
async function linksSentFor(api: ApiCall, appointmentId: string): Promise<string[]> {
  let text = '';
  await expect
    .poll(
      async () => {
        const page = await api<{ items: { nodeId: string | null; id: string; status: string }[] }>(
          'GET',
          `/api/deliveries?appointmentId=${appointmentId}`,
        );
        const row = page.items.find((item) => item.nodeId === 'sms-links');
        if (!row || !['sent', 'delivered'].includes(row.status)) return row?.status ?? 'none';
        text = (await api<{ text: string }>('GET', `/api/deliveries/${row.id}`)).text;
        return 'sent';
      },
      { timeout: 30_000 },
    )
    .toBe('sent');
  return [...text.matchAll(/https?:\/\/[^/\s]+(\/p\/[0-9A-Za-z]{16})/g)].map((match) => match[1]);
}

/** No WCAG 2.1 A/AA violation (contrast, labels, names). */
async function expectAccessible(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);
}

test.describe("the patient's appointment page", () => {
  // a French phone: a link that names no message is answered in the browser's language
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'fr-FR' });

  test('the confirm link confirms on a phone; the cancel link cancels once; a tampered one opens nothing', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const api = await signedInApi(request);
    const pms = await startReceiver();
    const endpoint = await api<{ id: string }>('POST', '/api/settings/webhooks', {
      url: pms.url,
      events: ['appointment.confirmed', 'appointment.declined'],
    });
    const flow = await api<{ id: string }>('POST', '/api/flows', linksFlow(`Links ${Date.now()}`));
    await api('POST', `/api/flows/${flow.id}/publish`, { note: 'e2e' });
    await api('POST', `/api/flows/${flow.id}/enable`);
    try {
      await withSettings(api, sendAtAnyHour, async () => {
        // Léa, in French: her SMS's confirm link, opened on her phone
        const lea = await bookNewPatient(request, api, { firstName: 'Léa', lastName: 'Lien' });
        const [confirm, cancel, , preferences] = await linksSentFor(api, lea.appointmentId);
        expect(confirm.length).toBeLessThanOrEqual(25);
        const opened = await page.goto(confirm);
        // small: the whole page, gzipped, far under 30 kB
        expect(gzipSync(await opened!.body()).length).toBeLessThan(30_000);
        await expect(page.getByRole('heading', { name: 'Votre rendez-vous' })).toBeVisible();
        await expectAccessible(page);
        await page.screenshot({
          path: path.join(artifacts, 'appointment-page-fr-390x844.png'),
          fullPage: true,
        });

        // "Add to my calendar": the file a phone opens in its calendar
        const file = await page
          .getByRole('link', { name: 'Agenda du téléphone (.ics)' })
          .getAttribute('href');
        const ics = await request.get(file!);
        expect(ics.headers()['content-type']).toContain('text/calendar');
        expect(await ics.text()).toContain(`UID:${lea.appointmentId}@clinicflow`);

        // the keyboard reaches the button; one tap confirms
        await page.getByRole('button', { name: 'Je confirme ma venue' }).focus();
        await page.keyboard.press('Enter');
        await expect(page.getByRole('status')).toHaveText('Merci : votre rendez-vous est confirmé.');
        await expect(page.getByRole('button', { name: 'Je confirme ma venue' })).toHaveCount(0);
        const appointment = await api<{ status: string; confirmation: string }>(
          'GET',
          `/api/appointments/${lea.appointmentId}`,
        );
        expect(appointment).toMatchObject({ status: 'confirmed', confirmation: 'confirmed' });
        const answered = await api<{ items: { nodeId: string | null }[] }>(
          'GET',
          `/api/deliveries?appointmentId=${lea.appointmentId}&status=answered`,
        );
        expect(answered.items.map((row) => row.nodeId)).toEqual(['sms-links']);
        await expect
          .poll(() => pms.received.filter((event) => event.data.appointment?.id === lea.appointmentId))
          .toEqual([
            expect.objectContaining({
              type: 'appointment.confirmed',
              data: expect.objectContaining({ answer: 'confirmed' }),
            }),
          ]);

        // then she cancels with the other link; a second tap finds it cancelled
        await page.goto(cancel);
        await page.getByLabel('Motif (facultatif)').fill('Empêchement');
        await page.getByRole('button', { name: 'Annuler mon rendez-vous' }).click();
        await expect(page.getByRole('status')).toHaveText(
          'Votre rendez-vous est annulé. Le cabinet est prévenu.',
        );
        // her reason waits in the front desk's inbox; read here, so the next specs find the inbox as it was
        const inbox = await api<{ items: { id: string; text: string; appointmentId: string | null }[] }>(
          'GET',
          '/api/inbox',
        );
        const reason = inbox.items.find((item) => item.appointmentId === lea.appointmentId);
        expect(reason?.text).toBe('Empêchement');
        await api('PATCH', `/api/inbox/${reason!.id}`, { read: true, followUp: false });
        await page.goto(cancel);
        await expect(page.getByRole('status')).toHaveText('Ce rendez-vous est déjà annulé.');
        await expect(page.getByRole('button', { name: 'Annuler mon rendez-vous' })).toHaveCount(0);
        const again = await request.post(cancel, { form: { action: 'cancel' } });
        expect(again.status()).toBe(409);
        expect(await again.text()).toContain('Ce rendez-vous est déjà annulé.');
        expect(await api<{ status: string }>('GET', `/api/appointments/${lea.appointmentId}`)).toMatchObject({
          status: 'cancelled',
          confirmation: 'declined',
        });
        await expect
          .poll(() => pms.received.filter((event) => event.type === 'appointment.declined').length)
          .toBe(1);

        // her preferences: labelled checkboxes a keyboard reaches; saving records her e-mail consent
        await page.goto(preferences);
        await expect(page.getByRole('heading', { name: 'Mes préférences' })).toBeVisible();
        await expectAccessible(page);
        await page.getByRole('checkbox', { name: 'Questionnaires de satisfaction' }).uncheck();
        await page.getByRole('button', { name: 'Enregistrer' }).click();
        await expect(page.getByRole('status')).toHaveText('C’est enregistré.');
        const consent = await api<{
          consent: { sms: { granted: boolean; purposes: string[]; source: string } };
        }>('GET', `/api/patients/${lea.patientId}`);
        expect(consent.consent.sms).toMatchObject({
          granted: true,
          purposes: ['reminders', 'recall'],
          source: 'patient',
        });
        await page.screenshot({ path: path.join(artifacts, 'preferences-fr-390x844.png'), fullPage: true });

        // a changed character: a clear page, nothing changed
        const tampered = confirm.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
        const refused = await page.goto(tampered);
        expect(refused!.status()).toBe(404);
        await expect(page.getByRole('alert')).toHaveText('Ce lien n’est pas valide.');

        // Ola, in Norwegian: the page in her language
        const ola = await bookNewPatient(request, api, {
          firstName: 'Ola',
          lastName: 'Lenke',
          language: 'nb',
        });
        const [olaConfirm] = await linksSentFor(api, ola.appointmentId);
        await page.goto(olaConfirm);
        await expect(page.getByRole('heading', { name: 'Timen din' })).toBeVisible();
        await expect(page.getByRole('button', { name: 'Bekreft timen min' })).toBeVisible();
        await expectAccessible(page);
        await page.screenshot({
          path: path.join(artifacts, 'appointment-page-nb-390x844.png'),
          fullPage: true,
        });
      });
    } finally {
      await api('POST', `/api/flows/${flow.id}/disable`);
      await api('DELETE', `/api/settings/webhooks/${endpoint.id}`);
      pms.close();
    }
  });
});
