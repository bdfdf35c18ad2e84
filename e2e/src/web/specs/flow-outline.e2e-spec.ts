import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { focusedDescription, tabTo } from '../keyboard';
import { artifacts, demoManager } from '../login';

const outline = (page: Page) => page.getByRole('list', { name: 'Flow outline' });

/** Picks an entry of the step menu that the focused "add" button opens, with the arrow keys. */
async function addStep(page: Page, addButton: RegExp, type: RegExp) {
  await tabTo(page, addButton);
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  for (let step = 0; step < 8; step++) {
    await page.keyboard.press('ArrowDown');
    if (type.test(await focusedDescription(page))) break;
  }
  expect(await focusedDescription(page)).toMatch(type);
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
}

test.describe('flow outline, keyboard only', () => {
  test('a manager builds and publishes scenario 1’s reminder flow without touching the mouse', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.goto('/login');
    await tabTo(page, /E-mail/);
    await page.keyboard.type(demoManager.email);
    await tabTo(page, /Password/);
    await page.keyboard.type(demoManager.password);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();

    await page.goto('/flows/new');
    await tabTo(page, /Empty flow/);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}$/);
    const name = `Keyboard reminders ${Date.now()}`;
    await tabTo(page, /Flow name/);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(name);
    await tabTo(page, /^Canvas/);
    await page.keyboard.press('ArrowRight');
    await expect(outline(page)).toBeVisible();

    await addStep(page, /^Add a step after When an appointment is booked/, /^Condition/);
    // the new condition is selected: its settings are next in the tab order
    await tabTo(page, /^What to check/);
    await page.keyboard.type('Booked long');
    await tabTo(page, /^Hours/);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('12');
    await expect(outline(page)).toContainText('12');

    await addStep(page, /^Add a step on “yes”/, /^Wait/);
    await addStep(page, /^Add a step after Wait/, /^Message/);
    const problems = page.getByRole('region', { name: 'To fix before publishing' });
    await expect(problems.getByRole('listitem')).toHaveCount(1);
    await tabTo(page, /^Text \(French\)/);
    await page.keyboard.type('Bonjour {{patient.firstName}}, rappel de votre RDV demain. {{clinic.name}}');
    // One tab per language: the arrow keys move between them (the tab list is one stop of the Tab order).
    await tabTo(page, /^FR — French/, { backwards: true });
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: /^EN — English/ })).toHaveAttribute('aria-selected', 'true');
    await tabTo(page, /^Text \(English\)/);
    await page.keyboard.type(
      'Hello {{patient.firstName}}, a reminder of your appointment tomorrow. {{clinic.name}}',
    );
    await expect(problems.getByText('No problems found')).toBeVisible();
    await expect(outline(page).getByRole('button', { name: /^SMS to patient: Bonjour/ })).toBeVisible();
    await page.screenshot({ path: path.join(artifacts, 'outline-keyboard.png'), fullPage: true });

    await tabTo(page, /^Publish$/, { backwards: true });
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Publish this flow' });
    await expect(dialog.getByText('No problems: the flow can be published.')).toBeVisible();
    await tabTo(page, /^Note for this version/);
    await page.keyboard.type('Built from the keyboard');
    await tabTo(page, /^Publish version 1/);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();

    // what was published is what the outline showed: reload, then read the history and the canvas
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Flow name' })).toHaveValue(name);
    await tabTo(page, /^History$/);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('version-1')).toContainText('Built from the keyboard');
    await expect(page.locator('[data-testid^="step-"]')).toHaveCount(6);
    for (const step of [
      'When an appointment is booked',
      'If booked at least 12 h ahead',
      'Wait until 24 h before the appointment',
    ])
      await expect(page.getByRole('group', { name: step })).toBeVisible();
    await expect(page.getByRole('group', { name: /^SMS to patient: Bonjour/ })).toBeVisible();
  });
});
