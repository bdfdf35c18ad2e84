import { expect, test } from '@playwright/test';
import path from 'node:path';
import { artifacts, logIn } from '../login';
import { FlowEditorPage } from '../pages/flow-editor-page';

/**
 * Issue 15, defect 1: new flow → steps added → Settings → back to Flows → open the flow showed the copy from
 * before the steps, marked saved, and the next edit raised a conflict "by … (you)" offering to wipe them.
 */
test.describe('never losing work', () => {
  test('a new flow keeps its steps after Settings and back, and the next edit saves without a conflict', async ({
    page,
  }) => {
    await logIn(page);
    const editor = new FlowEditorPage(page);
    await editor.createEmpty();
    const flowUrl = page.url();
    const name = `Rappel sans perte ${Date.now()}`;
    await editor.name.fill(name);
    await editor.dropBelow('wait', 'trigger-1');
    await expect(editor.card('wait-1')).toBeVisible();
    await editor.drop('send', editor.openExit('wait-1'));
    await expect(editor.card('send-1')).toBeVisible();
    await editor.saved();

    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Settings' })
      .click();
    await expect(page).toHaveURL(/\/settings/);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Flows' })
      .click();
    await page.getByRole('link', { name }).click();
    await expect(page).toHaveURL(flowUrl);

    await expect(editor.name).toHaveValue(name);
    await expect(editor.cards).toHaveCount(3);
    await expect(editor.card('send-1')).toBeVisible();
    await editor.saved();

    await editor.name.fill(`${name} (48 h)`);
    await editor.saved();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.reload();
    await expect(editor.name).toHaveValue(`${name} (48 h)`);
    await expect(editor.cards).toHaveCount(3);
    await page.screenshot({ path: path.join(artifacts, 'flow-drafts-kept.png'), fullPage: true });
  });
});
