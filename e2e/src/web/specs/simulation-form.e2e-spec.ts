import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { signedInApi } from '../api';
import { artifacts, logIn } from '../login';
import { FlowEditorPage } from '../pages/flow-editor-page';
import { SimulationPanel } from '../pages/simulation-panel';

/*
 * Issue 15, item 7 (simulation for people): an appointment made up in a form (date and time pickers in clinic
 * time, the clinic's service and practitioner) and a reply scripted as "replies OUI on … at 18:05" give the very
 * timeline the same sample written as JSON gives; the path is lit on the canvas, and results go out of date when
 * an input changes.
 */
test.describe('simulation for people', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('a sample made up in the form gives the same timeline as the same sample in JSON', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const api = await signedInApi(request);
    const services = await api<{ items: { id: string; name: string }[] }>(
      'GET',
      '/api/services?pageSize=100',
    );
    const resources = await api<{ items: { id: string; name: string; phone?: string }[] }>(
      'GET',
      '/api/resources?pageSize=100',
    );
    const service = services.items.find((s) => s.name === 'Contrôle')!;
    const nguyen = resources.items.find((r) => r.name === 'Dr Nguyen')!;

    await logIn(page);
    const editor = new FlowEditorPage(page);
    await editor.createFromStarter('Reminders with confirmation request');
    const simulation = new SimulationPanel(page);
    await simulation.open();
    await simulation.when('2026-05-02', '09:00', '2026-05-14');
    await simulation.madeUp('2026-05-12', '10:00', 'Contrôle', 'Dr Nguyen');
    await simulation.reply('OUI', '2026-05-11', '18:05');
    await expect(page.getByTestId('scripted-reply-sentence')).toHaveText(
      'replies OUI on Monday, 11 May 2026 at 18:05',
    );
    const fromForm = await simulation.run();

    // in clinic time with the weekday, the ask's SMS before its answer, and the end after the last message
    expect(fromForm.join('\n')).toContain('Mon, 11/05/2026, 10:00');
    expect(fromForm.join('\n')).not.toMatch(/\+0[12]:00|Z\b|T\d\d:/);
    const lit = page.locator('[data-lit="on"]');
    expect(await lit.count()).toBeGreaterThan(2);
    await page.screenshot({ path: path.join(artifacts, 'simulation-form.png') });
    const serious = (
      await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
    ).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => v.id)).toEqual([]);

    // an input changes: the results are out of date until run again
    await simulation.field('Appointment time').fill('11:00');
    await expect(simulation.stale).toBeVisible();
    await expect(page.locator('[data-lit="on"]')).toHaveCount(0);
    await simulation.field('Appointment time').fill('10:00');
    await expect(simulation.stale).toHaveCount(0);

    // the same patient and appointment written by hand as JSON (what the panel offered before this issue)
    await simulation.json({
      patient: {
        id: 'patient-sample',
        firstName: 'Léa',
        lastName: 'Martin',
        mobile: '+33612345678',
        email: 'lea.martin@example.com',
        language: 'fr',
        consent: { sms: true, email: true, voice: true },
        attendance: { visits: 8, noShows: 0 },
      },
      appointment: {
        id: 'appointment-sample',
        start: '2026-05-12T10:00:00+02:00',
        end: '2026-05-12T10:30:00+02:00',
        status: 'booked',
        confirmation: 'pending',
        source: 'online',
        serviceId: service.id,
        resourceId: nguyen.id,
        locationId: 'location-sample',
      },
      service: {
        id: service.id,
        name: service.name,
        channels: { sms: true, email: true, voice: true },
        recallMonths: 6,
      },
      resource: { id: nguyen.id, name: nguyen.name, mobile: nguyen.phone },
    });
    const fromJson = await simulation.run();
    expect(fromJson).toEqual(fromForm);
  });
});
