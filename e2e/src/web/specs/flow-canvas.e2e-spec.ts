import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';

const artifacts = path.resolve(__dirname, '../../../artifacts');
const steps = (page: Page) => page.locator('[data-testid^="step-"]');

test.describe('flow canvas', () => {
  test.beforeEach(async ({ page }) => {
    // Each test starts from no draft; the editor keeps drafts in localStorage across reloads.
    await page.goto('/flows');
    await page.evaluate(() => localStorage.clear());
  });

  test('should add a step with "+", undo and redo it, and keep the draft on reload', async ({ page }) => {
    await page.goto('/flows');
    await page
      .getByRole('link', { name: 'New flow' })
      .or(page.getByRole('button', { name: 'New flow' }))
      .click();
    await page.getByRole('button', { name: 'Empty flow' }).click();
    await expect(steps(page)).toHaveCount(1);

    await page
      .getByRole('button', { name: /Add a step on the “next” exit/ })
      .first()
      .click();
    await page.getByRole('menuitem', { name: /^Wait/ }).click();
    await expect(steps(page)).toHaveCount(2);

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(steps(page)).toHaveCount(1);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect(steps(page)).toHaveCount(2);

    await page.reload();
    await expect(steps(page)).toHaveCount(2);
  });

  test('should lay out a starter flow on the canvas', async ({ page }) => {
    await page.goto('/flows/new');
    await page.getByRole('button', { name: 'Reminders with confirmation request' }).click();
    await expect(steps(page).first()).toBeVisible();
    expect(await steps(page).count()).toBeGreaterThan(3);
    await page.screenshot({ path: path.join(artifacts, 'canvas-starter.png'), fullPage: true });
  });
});
