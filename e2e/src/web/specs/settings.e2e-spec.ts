import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { artifacts, logIn } from '../login';

/** Switches one cell of the channel × service matrix and saves the channels section. */
async function setSmsForControle(page: Page, on: boolean) {
  await page.goto('/settings');
  const sms = page.getByRole('switch', { name: 'SMS for Contrôle' });
  await expect(sms).toBeChecked({ checked: !on });
  await sms.click({ force: true });
  await expect(sms).toBeChecked({ checked: on });
  await page.getByRole('button', { name: 'Save channels and consent' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Channels' }).getByTestId('section-state')).toHaveText(
    'Saved',
  );
}

/** The demo clinic's id of a service, read with the signed-in manager's session. */
async function serviceId(page: Page, name: string): Promise<string> {
  const items = await page.evaluate(async () => {
    const key = 'clinicflow.session.token';
    const token = sessionStorage.getItem(key) ?? localStorage.getItem(key);
    const res = await fetch('/api/services?pageSize=100', { headers: { Authorization: `Bearer ${token}` } });
    return ((await res.json()) as { items: { id: string; name: string }[] }).items;
  });
  const service = items.find((s) => s.name === name);
  if (!service) throw new Error(`no service ${name}`);
  return service.id;
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
    // The demo clinic has SMS off for Hygiène: the matrix shows what the settings hold.
    await expect(page.getByRole('switch', { name: 'SMS for Hygiène (détartrage)' })).not.toBeChecked();
    await setSmsForControle(page, false);
    await page.screenshot({ path: path.join(artifacts, 'settings.png') });

    await page.getByRole('tab', { name: 'Quiet hours' }).click();
    await expect(page.getByRole('grid', { name: 'Sending hours of the week' })).toBeVisible();
    await expect(page.getByTestId('hour-1-10')).toHaveAttribute('data-state', 'allowed');
    await expect(page.getByTestId('hour-7-10')).toHaveAttribute('data-state', 'closed');
    await page.screenshot({ path: path.join(artifacts, 'settings-quiet-hours.png') });

    const controle = await serviceId(page, 'Contrôle');
    await page.goto('/flows/new');
    await page.getByRole('button', { name: 'Reminders with confirmation request' }).click();
    await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Simulate' }).click();
    const sample = page.getByRole('textbox', { name: 'Sample patient and appointment' });
    const context = JSON.parse(await sample.inputValue()) as Record<string, Record<string, unknown>>;
    context.service = { ...context.service, id: controle, name: 'Contrôle' };
    context.appointment = { ...context.appointment, serviceId: controle };
    await sample.fill(JSON.stringify(context, null, 2));
    await page.getByRole('button', { name: 'Run the simulation' }).click();

    const rows = page.getByTestId('timeline-row');
    await expect(rows.first()).toBeVisible();
    const sms = rows.filter({ hasText: 'SMS is switched off for service Contrôle' });
    await expect(sms).toHaveCount(1);
    await expect(rows.filter({ hasText: 'RDV demain' })).toHaveCount(0);

    await setSmsForControle(page, true);
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
    await page.getByRole('textbox', { name: 'Credits' }).fill('250');
    await page.getByRole('textbox', { name: 'Note' }).fill('Pack 250');
    await page.getByRole('button', { name: 'Add the credits' }).click();
    await expect(balance).toHaveText(`${before + 250} credits left`);
    await expect(page.getByRole('table', { name: /^As of/ })).toContainText('sandbox');
    await page.screenshot({ path: path.join(artifacts, 'settings-status.png'), fullPage: true });
  });
});
