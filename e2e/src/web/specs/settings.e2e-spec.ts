import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { artifacts, logIn } from '../login';

/** Switches one cell of the channel × service matrix and saves the channels section. */
async function setSmsForSoins(page: Page, on: boolean) {
  await page.goto('/settings');
  const sms = page.getByRole('switch', { name: 'SMS for Soins' });
  await expect(sms).toBeChecked({ checked: !on });
  await sms.click({ force: true });
  await expect(sms).toBeChecked({ checked: on });
  await page.getByRole('button', { name: 'Save channels and consent' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Channels' }).getByTestId('section-state')).toHaveText(
    'Saved',
  );
}

/** A booked demo appointment of a service and its patient's name, read with the signed-in manager's session. */
async function bookedAppointmentOf(page: Page, serviceName: string) {
  return page.evaluate(async (name) => {
    const key = 'clinicflow.session.token';
    const token = sessionStorage.getItem(key) ?? localStorage.getItem(key);
    const get = async <T>(url: string) =>
      (await (await fetch(url, { headers: { Authorization: `Bearer ${token}` } })).json()) as T;
    type Page<T> = { items: T[] };
    const services = await get<Page<{ id: string; name: string }>>('/api/services?pageSize=100');
    const service = services.items.find((s) => s.name === name)!;
    for (let page = 1; page <= 5; page++) {
      const appointments = await get<
        Page<{ id: string; start: string; serviceId: string; patientId: string }>
      >(`/api/appointments?status=booked&pageSize=100&page=${page}`);
      const found = appointments.items.find((a) => a.serviceId === service.id && a.patientId);
      if (found) {
        const patient = await get<{ firstName?: string; lastName?: string }>(
          `/api/patients/${found.patientId}`,
        );
        return {
          patient: [patient.firstName, patient.lastName].filter(Boolean).join(' '),
          start: found.start,
        };
      }
      if (appointments.items.length < 100) break;
    }
    throw new Error(`no booked appointment of ${name}`);
  }, serviceName);
}

test.describe('clinic settings', () => {
  // Tall enough for the matrix and the week grid in one picture (a full-page shot repeats the fixed header).
  test.use({ viewport: { width: 1280, height: 1400 } });

  test('SMS switched off for a service shows as skipped, with its reason, in a fresh simulation', async ({
    page,
  }) => {
    await logIn(page);
    await page.goto('/settings');
    await expect(page.getByTestId('test-mode-banner')).toContainText('nothing reaches patients');
    // The demo clinic has SMS off for Hygiène: the matrix shows what the settings hold. Soins has booked
    // (not yet confirmed) appointments, so the reminder flow asks them by SMS.
    await expect(page.getByRole('switch', { name: 'SMS for Hygiène (détartrage)' })).not.toBeChecked();
    await setSmsForSoins(page, false);
    await page.screenshot({ path: path.join(artifacts, 'settings.png') });

    await page.getByRole('tab', { name: 'Quiet hours' }).click();
    await expect(page.getByRole('grid', { name: 'Sending hours of the week' })).toBeVisible();
    await expect(page.getByTestId('hour-1-10')).toHaveAttribute('data-state', 'allowed');
    await expect(page.getByTestId('hour-7-10')).toHaveAttribute('data-state', 'closed');
    await page.screenshot({ path: path.join(artifacts, 'settings-quiet-hours.png') });

    const appointment = await bookedAppointmentOf(page, 'Soins');
    await page.goto('/flows/new');
    await page.getByRole('button', { name: 'Reminders with confirmation request' }).click();
    await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Simulate' }).click();
    // The sample is one of the clinic's patients and one of their Soins appointments, as a manager picks it
    // (issue 15: the search shows each patient's birth date and next visit, the appointments in clinic time).
    await page.getByText('A patient of the clinic', { exact: true }).click();
    await page.getByRole('combobox', { name: 'Fill from a patient' }).fill(appointment.patient);
    await page
      .getByRole('option', { name: new RegExp(`^${appointment.patient}`) })
      .first()
      .click();
    await page.getByRole('combobox', { name: 'and one of their appointments' }).click();
    await page.getByRole('option', { name: /Soins/ }).first().click();
    await page.getByRole('button', { name: 'Run the simulation' }).click();

    const rows = page.getByTestId('timeline-row');
    await expect(rows.first()).toBeVisible();
    // the reason in the user's words (issue 15), not the engine's sentence
    const sms = rows.filter({ hasText: 'SMS is switched off for the service Soins' });
    await expect(sms).toHaveCount(1);
    await expect(rows.filter({ hasText: 'RDV demain' })).toHaveCount(0);
    await page.screenshot({ path: path.join(artifacts, 'settings-simulation-skip.png') });

    await setSmsForSoins(page, true);
  });

  test('two managers saving the same section: the second is told, keeps their edit, and can see the first one’s', async ({
    browser,
  }) => {
    const first = await (await browser.newContext()).newPage();
    const second = await (await browser.newContext()).newPage();
    for (const page of [first, second]) {
      await logIn(page);
      await page.goto('/settings');
    }
    const emailForSoins = (page: Page) => page.getByRole('switch', { name: 'E-mail for Soins' });
    const emailForHygiene = (page: Page) =>
      page.getByRole('switch', { name: 'E-mail for Hygiène (détartrage)' });
    const save = (page: Page) => page.getByRole('button', { name: 'Save channels and consent' }).click();
    const state = (page: Page) =>
      page.getByRole('tabpanel', { name: 'Channels' }).getByTestId('section-state');
    await expect(emailForSoins(second)).toBeChecked();
    const hygieneBefore = await emailForHygiene(second).isChecked();

    // The first manager switches e-mail off for Soins and saves, while the second has the page open.
    await emailForSoins(first).click({ force: true });
    await save(first);
    await expect(state(first)).toHaveText('Saved');

    // The second, from what they opened, changes another cell of the same section and saves.
    await emailForHygiene(second).click({ force: true });
    await save(second);
    const alert = second.getByRole('alert', { name: 'Someone else saved this section meanwhile' });
    await expect(alert).toContainText('manager@demo.clinicflow.test');
    await expect(emailForHygiene(second)).toBeChecked({ checked: !hygieneBefore });
    await expect(state(second)).toHaveText('Unsaved changes');
    await second.screenshot({ path: path.join(artifacts, 'settings-saved-elsewhere.png') });

    await alert.getByRole('button', { name: /Show what they saved/ }).click();
    await expect(alert).toBeHidden();
    await expect(emailForSoins(second)).not.toBeChecked();
    await expect(emailForHygiene(second)).toBeChecked({ checked: hygieneBefore });

    // Back as the demo clinic was, saved from what is now stored: no conflict.
    await emailForSoins(second).click({ force: true });
    await save(second);
    await expect(state(second)).toHaveText('Saved');
    await first.context().close();
    await second.context().close();
  });

  test('tests the SMS provider, sends a test message, and adds credits', async ({ page }) => {
    await logIn(page);
    await page.goto('/settings');
    await page.getByRole('tab', { name: 'Senders and providers' }).click();
    await expect(page.getByRole('textbox', { name: 'SMS sender' })).toHaveValue('CabLilas');
    await page.getByRole('button', { name: 'Test connection (SMS)' }).click();
    await expect(page.getByTestId('connection-sms')).toContainText('Connection works.');
    await page.getByRole('textbox', { name: 'Test number' }).first().fill('+33612345678');
    await page.getByRole('button', { name: 'Send a test message (SMS)' }).click();
    // Sent, or waiting when the run falls in the demo clinic's quiet hours: either is said in words.
    await expect(page.getByTestId('test-message-sms')).toContainText(
      /The test message (was sent|is waiting)/,
    );
    await expect(page.getByTestId('test-message-sms')).toContainText('Test mode is on');
    await page.screenshot({ path: path.join(artifacts, 'settings-providers.png'), fullPage: true });

    await page.getByRole('tab', { name: 'Test mode, credits and status' }).click();
    const balance = page.getByTestId('credits-balance');
    const before = Number((await balance.innerText()).match(/\d+/)![0]);
    await page.getByRole('textbox', { name: 'Credits', exact: true }).fill('250');
    await page.getByRole('textbox', { name: 'Note' }).fill('Pack 250');
    await page.getByRole('button', { name: 'Add the credits' }).click();
    await expect(balance).toHaveText(`${before + 250} credits left`);
    await expect(page.getByRole('table', { name: /^As of/ })).toContainText('sandbox');
    await page.screenshot({ path: path.join(artifacts, 'settings-status.png'), fullPage: true });
  });
});
