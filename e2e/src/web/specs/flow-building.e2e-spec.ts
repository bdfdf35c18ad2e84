import { expect, test } from '@playwright/test';
import path from 'node:path';
import { seriousViolations } from '../axe';
import { artifacts, logIn } from '../login';
import { FlowEditorPage } from '../pages/flow-editor-page';

// 95 characters for the sample patient, one "ô": 2 SMS in Unicode (70 a part), 1 in GSM-7 (160)
const booking =
  'Bonjour {{patient.firstName}}, votre rendez-vous est confirmé. Le cabinet est juste à côté de la gare.';

/** Issue 15, defects 2, 4, 5 and 6, in Chromium against the real API. */
test.describe('building a flow from nothing', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test('the palette drops onto the empty canvas below the trigger and onto the "+" of a free exit', async ({
    page,
  }) => {
    const editor = new FlowEditorPage(page);
    await editor.createEmpty();
    await expect(page.getByText('Drag onto a line or a +')).toBeVisible();
    await editor.dropBelow('send', 'trigger-1');
    await expect(editor.card('send-1')).toBeVisible();
    // no "drop it elsewhere" notice
    await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
    await editor.drop('wait', editor.openExit('send-1'));
    await expect(editor.card('wait-1')).toBeVisible();
    await expect(editor.cards).toHaveCount(3);
    // the outline reads the same order: trigger → SMS → wait
    const views = page.getByRole('radiogroup', { name: 'View' });
    await views.getByText('Outline', { exact: true }).click();
    await expect(page.getByRole('list', { name: 'Flow outline' }).getByRole('listitem')).toHaveCount(3);
    await views.getByText('Canvas', { exact: true }).click();
    await editor.saved();
    expect(await seriousViolations(page, '.react-flow')).toEqual([]);
    await page.screenshot({ path: path.join(artifacts, 'flow-built-from-nothing.png'), fullPage: true });
  });

  test('the message step flags the "ô" that makes a booking SMS 2 parts and replaces it: 1 part', async ({
    page,
  }) => {
    const editor = new FlowEditorPage(page);
    await editor.createEmpty();
    await editor.dropBelow('send', 'trigger-1');
    await expect(editor.inspector).toBeVisible();
    await editor.inspector.getByLabel('Text (French)').fill(booking);
    const counter = editor.inspector.getByTestId('sms-counter');
    await expect(counter).toContainText('2 SMS (67 characters each)');
    const flagged = editor.inspector.getByTestId('unicode-characters');
    await expect(flagged.getByLabel('character ô')).toBeVisible();
    await expect(editor.inspector.getByTestId('unicode-character')).toHaveText(['ô']);
    await expect(flagged).toContainText('2 SMS → 1 SMS for the sample patient');
    expect(await seriousViolations(page, '[aria-label="Step settings"]')).toEqual([]);
    await page.screenshot({ path: path.join(artifacts, 'message-step-unicode.png'), fullPage: true });

    await flagged.getByRole('button', { name: 'Replace with GSM equivalents' }).click();
    await expect(editor.inspector.getByLabel('Text (French)')).toHaveValue(booking.replace('ô', 'o'));
    await expect(counter).toContainText('1 SMS (160 characters each)');
    await expect(flagged).toHaveCount(0);
    await editor.saved();
    await page.reload();
    await editor.card('send-1').click();
    await expect(editor.inspector.getByLabel('Text (French)')).toHaveValue(booking.replace('ô', 'o'));
  });

  test('the question step shows its replies per branch in French, takes its own words and tries a reply', async ({
    page,
  }) => {
    const editor = new FlowEditorPage(page);
    await editor.createEmpty();
    await editor.dropBelow('ask', 'trigger-1');
    // a question and its four branches are wider than the canvas: it stays readable rather than shrunk
    await expect(editor.card('end-4')).toBeAttached();
    // (read once the zoom's animation, which may pass below the floor on its way, is over)
    const zoom = () =>
      page
        .locator('.react-flow__viewport')
        .evaluate((element) => new DOMMatrixReadOnly(getComputedStyle(element).transform).a);
    await page.waitForTimeout(400);
    await expect.poll(zoom).toBeGreaterThanOrEqual(0.75);
    const replies = editor.inspector.getByRole('region', { name: 'Replies this question understands' });
    await expect(replies.getByTestId('reply-words-confirm')).toContainText('French: C, OUI, OK, CONFIRMER');
    await expect(replies.getByTestId('reply-words-decline')).toContainText('French: N, NON, ANNULER');
    await expect(replies.getByTestId('reply-words-stop')).toContainText('STOP');
    await replies.getByLabel('Try a reply').fill('Oui merci');
    await expect(replies.getByTestId('reply-try-meaning')).toHaveText('Goes to the branch “confirmed”.');

    await replies.getByRole('button', { name: 'Use our own words' }).click();
    const confirm = replies.getByRole('combobox', { name: 'Branch “confirmed”' });
    await confirm.fill('Volontiers');
    await confirm.press('Enter');
    await replies.getByLabel('Try a reply').fill('volontiers !');
    await expect(replies.getByTestId('reply-try-meaning')).toHaveText('Goes to the branch “confirmed”.');
    expect(await seriousViolations(page, '[aria-label="Step settings"]')).toEqual([]);
    await editor.saved();
    await page.screenshot({ path: path.join(artifacts, 'question-step-replies.png'), fullPage: true });

    await page.reload();
    await editor.card('ask-1').click();
    await expect(
      editor.inspector.getByRole('region', { name: 'Replies this question understands' }),
    ).toContainText('VOLONTIERS');
  });

  test('the flow switch says what is true and the publish dialog offers "Turn on now"', async ({ page }) => {
    const editor = new FlowEditorPage(page);
    await editor.createFromStarter('Reminders with confirmation request');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish this flow' });
    await expect(dialog.getByText('The flow is off: nothing runs until it is turned on.')).toBeVisible();
    await dialog
      .getByRole('checkbox', { name: 'Turn on now: version 1 runs for new appointment events' })
      .check();
    await dialog.getByRole('button', { name: 'Publish version 1' }).click();
    await expect(dialog).toBeHidden();

    const on = page.getByRole('switch', { name: 'Flow on: it runs for new appointment events' });
    await expect(on).toBeChecked();
    await expect(page.getByText('On', { exact: true })).toBeVisible();
    await page.screenshot({ path: path.join(artifacts, 'flow-switch-on.png'), fullPage: true });
    // switched off again (the demo clinic's other flows stay as they were)
    await on.press('Space');
    const off = page.getByRole('switch', { name: 'Flow off: it does not run for new appointment events' });
    await expect(off).not.toBeChecked();
    await expect(page.getByText('Off', { exact: true })).toBeVisible();
  });
});
