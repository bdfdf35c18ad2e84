import { expect, test } from '@playwright/test';
import path from 'node:path';
import { seriousViolations } from '../axe';
import { artifacts, logIn } from '../login';
import { FlowEditorPage } from '../pages/flow-editor-page';

/** Issue 20, part 6, in Chromium against the real API: the ladder built, written, saved and read back. */
test.describe('"Reach the patient": a channel ladder', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test('WhatsApp until read within 2 hours, then SMS: written, saved and summed up on its card', async ({
    page,
  }) => {
    const editor = new FlowEditorPage(page);
    await editor.createEmpty();
    await editor.dropBelow('reach', 'trigger-1');
    await expect(editor.card('reach-1')).toBeVisible();
    await expect(editor.inspector).toBeVisible();

    const first = editor.inspector.getByTestId('attempt-1');
    const second = editor.inspector.getByTestId('attempt-2');
    await expect(first.getByLabel('Channel')).toHaveValue('whatsapp');
    // read is a choice on WhatsApp only
    await expect(first.getByLabel('Counts as reached when the message is').locator('option')).toHaveText([
      'delivered',
      'read',
    ]);
    await expect(second.getByLabel('Counts as reached when the message is').locator('option')).toHaveText([
      'delivered',
    ]);
    await first.getByLabel('Text (French)').fill('Bonjour {{patient.firstName}}, à demain.');
    await second.getByLabel('Text (French)').fill('Bonjour {{patient.firstName}}, RDV demain.');
    expect(await seriousViolations(page, '[aria-label="Step settings"]')).toEqual([]);
    await page.screenshot({ path: path.join(artifacts, 'reach-the-patient-step.png'), fullPage: true });

    await editor.saved();
    await expect(editor.card('reach-1')).toContainText(
      'WhatsApp (read within 2 h) → SMS (delivered within 30 min)',
    );
    await page.reload();
    await editor.card('reach-1').click();
    await expect(editor.inspector.getByTestId('attempt-2').getByLabel('Text (French)')).toHaveValue(
      'Bonjour {{patient.firstName}}, RDV demain.',
    );
  });
});
