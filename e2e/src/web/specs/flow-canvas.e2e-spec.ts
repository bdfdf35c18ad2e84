import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { artifacts, logIn } from '../login';

const steps = (page: Page) => page.locator('[data-testid^="step-"]');

test.describe('flow canvas', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test('should lay out a starter flow on the canvas', async ({ page }) => {
    await page.goto('/flows/new');
    await expect(page.getByRole('img', { name: /^Shape of the flow / }).first()).toBeVisible();
    await page.screenshot({ path: path.join(artifacts, 'starter-gallery.png'), fullPage: true });
    await page.getByRole('button', { name: 'Reminders with confirmation request' }).click();
    await expect(steps(page).first()).toBeVisible();
    expect(await steps(page).count()).toBeGreaterThan(3);
    await page.screenshot({ path: path.join(artifacts, 'canvas-starter.png'), fullPage: true });
  });

  test('should insert a step dragged from the palette onto a connection', async ({ page }) => {
    await page.goto('/flows/new');
    await page.getByRole('button', { name: 'Reminders with confirmation request' }).click();
    await expect(steps(page).first()).toBeVisible();
    const before = await steps(page).count();
    const waits = page.getByRole('group', { name: /^Wait until/ });
    const waitsBefore = await waits.count();

    await page.getByTestId('palette-wait').dragTo(page.locator('[data-edge-id]').first());

    await expect(steps(page)).toHaveCount(before + 1);
    await expect(waits).toHaveCount(waitsBefore + 1);
    await expect(page.getByRole('region', { name: 'To fix before publishing' })).toContainText(
      'No problems found',
    );
    await page.screenshot({ path: path.join(artifacts, 'canvas-palette-drop.png'), fullPage: true });
  });
});
