import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { sendAtAnyHour, signedInApi, withSettings } from '../api';
import { artifacts, demoStaff, logIn } from '../login';

const day = (date: Date) => date.toISOString().slice(0, 10);

test.describe('batch send', () => {
  test('front-desk staff pick appointments, drop a row, write the SMS, send and follow the progress', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    // the clinic's quiet hours would hold the messages when the suite runs at night or on a Sunday
    await withSettings(await signedInApi(request), sendAtAnyHour, () => sendBatch(page));
  });
});

async function sendBatch(page: Page) {
  await logIn(page, demoStaff);
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Batch send' })
    .click();
  await page.getByLabel('Appointments from').fill(day(new Date()));
  await page.getByLabel('to', { exact: true }).fill(day(new Date(Date.now() + 14 * 86_400_000)));
  await page.getByRole('button', { name: 'Show the recipients' }).click();
  const summary = page.getByTestId('batch-summary');
  await expect(summary).toHaveText(/^\d+ of \d+ can receive it$/);
  const rows = page.getByTestId('batch-row');
  await expect(rows.first()).toBeVisible();

  const firstName = (await rows.first().locator('td').first().textContent())!.trim();
  await rows
    .first()
    .getByRole('button', { name: /^Remove / })
    .click();
  await expect(rows.first()).toHaveAttribute('data-removed', 'true');
  await expect(rows.first().getByRole('button', { name: `Put ${firstName} back` })).toBeVisible();

  await page
    .getByRole('textbox', { name: 'Text', exact: true })
    .fill('Bonjour {{patient.firstName}}, le cabinet sera fermé lundi.');
  await expect(page.getByTestId('sms-counter')).toContainText('1 SMS');
  await expect(page.getByTestId('batch-cost')).toHaveText(/^About \d+ credits for \d+ messages$/);
  const sendButton = page.getByRole('button', { name: /^Send to \d+ recipients$/ });
  const count = Number((await sendButton.textContent())!.match(/\d+/)![0]);
  expect(count).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(artifacts, 'batch-send.png'), fullPage: true });

  await sendButton.click();
  const progress = page.getByTestId('batch-progress');
  const done = progress.getByRole('status');
  await expect(done).toHaveText(/^Done: \d+ of \d+ handed over\.$/, { timeout: 90_000 });
  const [handedOver, sent] = (await done.textContent())!
    .match(/(\d+) of (\d+)/)!
    .slice(1)
    .map(Number);
  // Every message went: handed over to the provider, none failed or stopped (a batch that failed whole
  // would still be "done").
  expect(handedOver).toBe(sent);
  await expect(progress.getByTestId('batch-not-sent')).toHaveCount(0);
  // one message per phone may merge a few rows the preview counted apart
  expect(sent).toBeLessThanOrEqual(count);
  expect(sent).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(artifacts, 'batch-send-done.png'), fullPage: true });

  await progress.getByRole('link', { name: 'See these messages in the report' }).click();
  await expect(page).toHaveURL(/\/report\?batchId=bat_/);
  await expect(page.getByTestId('report-total')).toHaveText(new RegExp(`^${sent} messages?$`));
}
