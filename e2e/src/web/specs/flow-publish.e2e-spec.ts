import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { artifacts, demoStaff, logIn } from '../login';

const starter = 'Reminders with confirmation request';

async function publish(page: Page, note: string, version: number) {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish this flow' });
  await expect(dialog.getByText('No problems: the flow can be published.')).toBeVisible();
  await dialog.getByLabel('Note for this version').fill(note);
  await dialog.getByRole('button', { name: `Publish version ${version}` }).click();
  await expect(dialog).toBeHidden();
}

test.describe('draft, publish and history', () => {
  test('a manager creates a flow from a starter, changes it, publishes twice and finds version 2', async ({
    page,
  }) => {
    await logIn(page);
    await page.goto('/flows/new');
    await page.getByRole('button', { name: starter }).click();
    await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}$/);
    await publish(page, 'First reminders', 1);

    const renamed = `Reminders ${Date.now()}`;
    const name = page.getByRole('textbox', { name: 'Flow name' });
    await name.fill(renamed);
    await expect(page.getByTestId('save-status')).toHaveText('saved');
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Flow name' })).toHaveValue(renamed);

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish this flow' });
    await expect(dialog.getByText('Flow name changed')).toBeVisible();
    await page.screenshot({ path: path.join(artifacts, 'publish-dialog.png'), fullPage: true });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await publish(page, 'Renamed for the front desk', 2);

    await page.getByRole('button', { name: 'History' }).click();
    const version2 = page.getByTestId('version-2');
    await expect(version2).toContainText('version 2');
    await expect(version2).toContainText('Renamed for the front desk');
    await expect(page.getByTestId('version-1')).toContainText('First reminders');
    await page.screenshot({ path: path.join(artifacts, 'version-history.png'), fullPage: true });

    await page.goto('/flows');
    const row = page.getByRole('row', { name: new RegExp(renamed) });
    await expect(row).toContainText('version 2');
    // The list's columns still settle (the 7-day counts and draft badges load row by row): the keyboard
    // toggles the switch where a click at its measured position could land beside it.
    await row.getByRole('switch').press('Space');
    await expect(row.getByRole('switch')).toBeChecked();
  });

  test('front-desk staff see the report, one-off send and the practitioners page, and no publish button', async ({
    page,
  }) => {
    await logIn(page, demoStaff);
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(navigation.getByRole('link')).toHaveText([
      'Report',
      /^Inbox/,
      'Send a message',
      'Batch send',
      'Practitioners',
    ]);
    await page.goto('/flows');
    await expect(page.getByText('Only the clinic’s managers can open this screen.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);
    await page.screenshot({ path: path.join(artifacts, 'staff-navigation.png'), fullPage: true });
  });
});
