import { expect, test } from '@playwright/test';
import path from 'node:path';
import { artifacts, demoStaff, logIn } from '../login';

/*
 * Issue 15, the smaller defects: after a sign-out the next user lands on their own home page, not on the page the
 * previous user left (front-desk staff used to see "Only managers…" after a manager signed out of the settings);
 * and the login card shows its whole language switch.
 */
test.describe('signing out', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the next user starts on their own home page, not on the page the last one left', async ({ page }) => {
    await logIn(page);
    await page.goto('/settings');
    await expect(page.getByRole('heading', { name: 'Clinic settings' })).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login$/);

    // the whole of "Français" is on the card
    const card = page.locator('form').filter({ has: page.getByRole('button', { name: 'Sign in' }) });
    const french = page.getByText('Français', { exact: true });
    const [cardBox, frenchBox] = [await card.boundingBox(), await french.boundingBox()];
    expect(frenchBox!.x + frenchBox!.width).toBeLessThanOrEqual(cardBox!.x + cardBox!.width);
    expect(frenchBox!.x).toBeGreaterThanOrEqual(cardBox!.x);
    await page.screenshot({ path: path.join(artifacts, 'login-card.png') });

    await logIn(page, demoStaff);
    await expect(page).toHaveURL(/\/report$/);
    await expect(page.getByText(/Only the clinic’s managers/)).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Message summary' })).toBeVisible();
  });
});
