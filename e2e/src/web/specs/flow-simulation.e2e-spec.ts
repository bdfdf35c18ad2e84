import { expect, test } from '@playwright/test';
import path from 'node:path';
import { artifacts, logIn } from '../login';
import { SimulationPanel } from '../pages/simulation-panel';

test.describe('simulation', () => {
  test('simulates a starter flow and shows the timeline in clinic time; a row selects its step', async ({
    page,
  }) => {
    await logIn(page);
    await page.goto('/flows/new');
    await page.getByRole('button', { name: 'Reminders with confirmation request' }).click();
    await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}$/);

    // issue 15: the sample is filled in clinic time (the form), replies are scripted by day and time
    const simulation = new SimulationPanel(page);
    await simulation.open();
    await simulation.when('2026-05-02', '09:00', '2026-05-14');
    await simulation.field('Appointment day').fill('2026-05-12');
    await simulation.field('Appointment time').fill('10:00');
    await simulation.reply('C', '2026-05-11', '18:05');
    await simulation.run();
    const rows = simulation.rows;
    expect(await rows.count()).toBeGreaterThan(2);
    await expect(simulation.timeline).toContainText('/05/2026, ');

    const send = rows.filter({ hasText: 'Léa' }).first();
    await expect(send).toBeVisible();
    await send.click();
    await expect(page.locator('.react-flow__node.selected')).toHaveCount(1);
    await page.screenshot({ path: path.join(artifacts, 'simulation.png'), fullPage: true });
  });
});
