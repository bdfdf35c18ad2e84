import { expect, test } from '@playwright/test';
import path from 'node:path';
import { artifacts, demoStaff, logIn } from '../login';
import { SendPage } from '../pages/send-page';

test.describe('one-off send', () => {
  test('front-desk staff send one SMS to a number and see it accepted', async ({ page }) => {
    await logIn(page, demoStaff);
    // open() waits for the page itself: until its chunk is in, the report stays on screen, and a report row
    // may show a badge with the very words of the recipient choice below
    await new SendPage(page).open();
    await page
      .getByRole('radiogroup', { name: 'Recipient' })
      .getByText('Another number or address', { exact: true })
      .click();
    await page.getByRole('textbox', { name: 'Mobile number' }).fill('+33612345678');
    await page.getByRole('textbox', { name: 'Name (optional)' }).fill('Léa Martin');
    await page.getByRole('textbox', { name: 'Text', exact: true }).fill('Le cabinet sera fermé lundi.');
    await expect(page.getByTestId('sms-counter')).toContainText('1 SMS');
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Message to Léa Martin accepted' }),
    ).toBeVisible();
    await page.screenshot({ path: path.join(artifacts, 'one-off-send.png'), fullPage: true });
  });
});
