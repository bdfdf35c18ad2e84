import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { artifacts, logIn } from '../login';

const steps = (page: Page) => page.locator('[data-testid^="step-"]');

test.describe('flow canvas', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test('should add a step with "+", undo and redo it, and keep the saved draft on reload', async ({
    page,
  }) => {
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Flows' })
      .click();
    await page.getByRole('link', { name: 'New flow' }).click();
    await page.getByRole('button', { name: 'Empty flow' }).click();
    await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}$/);
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
    await expect(page.getByTestId('save-status')).toHaveText('saved');

    await page.reload();
    await expect(steps(page)).toHaveCount(2);
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
});
