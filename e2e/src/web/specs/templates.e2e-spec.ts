import { expect, test } from '@playwright/test';
import path from 'node:path';
import { artifacts, logIn } from '../login';

test.describe('templates', () => {
  test('a manager writes an SMS with a variable and sees the preview and counter follow the text', async ({
    page,
  }) => {
    await logIn(page);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Templates' })
      .click();
    await page.getByRole('button', { name: 'New template' }).click();
    const name = `Rappel ${Date.now()}`;
    await page.getByRole('textbox', { name: 'Template name' }).fill(name);

    const text = page.getByRole('textbox', { name: 'Text', exact: true });
    await text.fill('Bonjour ');
    await text.press('End');
    const picker = page.getByRole('combobox', { name: 'Insert a variable' });
    await picker.fill('patient.firstName');
    await page.getByRole('option', { name: /^patient\.firstName — / }).click();
    await expect(text).toHaveValue('Bonjour {{patient.firstName}}');

    const preview = page.getByTestId('template-preview');
    await expect(preview).toHaveText(/^Bonjour \S+$/);
    await expect(preview).not.toContainText('{{');
    const counter = page.getByTestId('sms-counter');
    await expect(counter).toContainText('1 SMS (160 characters each)');
    await expect(counter).toContainText('standard alphabet');

    await text.fill(`Bonjour {{patient.firstName}} 😀 ${'a'.repeat(70)}`);
    await expect(counter).toContainText('special characters');
    await expect(counter).toContainText('2 SMS (67 characters each)');
    await expect(counter).toContainText('2 credit(s) per patient');
    await page.screenshot({ path: path.join(artifacts, 'template-editor.png'), fullPage: true });

    await text.fill('Bonjour {{patient.firstName}}, à demain.');
    await page.getByRole('button', { name: 'Save template' }).click();
    await expect(page.getByText('Saved', { exact: true })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Message templates' })).toContainText(name);
  });
});
