import { expect, test } from '@playwright/test';
import path from 'node:path';
import { artifacts, logIn } from '../login';

test.describe('simulation', () => {
  test('simulates a starter flow and shows the timeline in clinic time; a row selects its step', async ({
    page,
  }) => {
    await logIn(page);
    await page.goto('/flows/new');
    await page.getByRole('button', { name: 'Reminders with confirmation request' }).click();
    await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}$/);

    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.getByRole('button', { name: 'Add a reply' }).click();
    await page.getByLabel('Reply time').fill('2026-05-11T18:05:00+02:00');
    await page.getByLabel('Reply text').fill('C');
    await page.getByRole('button', { name: 'Run the simulation' }).click();
    const rows = page.getByTestId('timeline-row');
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThan(2);
    await expect(page.getByRole('table', { name: 'Timeline (clinic time)' })).toContainText('2026-05-');

    const send = rows.filter({ hasText: 'Léa' }).first();
    await expect(send).toBeVisible();
    await send.click();
    await expect(page.locator('.react-flow__node.selected')).toHaveCount(1);
    await page.screenshot({ path: path.join(artifacts, 'simulation.png'), fullPage: true });
  });
});
