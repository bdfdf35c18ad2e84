import { expect, test, type Page } from '@playwright/test';
import { logIn } from '../login';

const steps = (page: Page) => page.locator('.react-flow__node');
const waitCard = (page: Page) => page.getByRole('group', { name: /^Wait until/ });

/** Where a step sits in the flow's own coordinates (React Flow's transform), whatever the zoom. */
async function flowPosition(page: Page, name: RegExp) {
  const transform = await page
    .getByRole('group', { name })
    .evaluate((card) => card.closest<HTMLElement>('.react-flow__node')?.style.transform ?? '');
  const [, x, y] = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(transform) ?? [];
  return { x: Number(x), y: Number(y) };
}

test.describe('undo and redo', () => {
  test('undo and redo restore the step count, the positions and the settings, and a reload keeps the draft', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await logIn(page);
    await page.goto('/flows/new');
    await page.getByRole('button', { name: 'Empty flow' }).click();
    await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}$/);
    await expect(steps(page)).toHaveCount(1);

    // 1. structure: a wait step on the trigger's exit
    await page
      .getByRole('button', { name: /Add a step on the “next” exit/ })
      .first()
      .click();
    await page.getByRole('menuitem', { name: /^Wait/ }).click();
    await expect(steps(page)).toHaveCount(2);
    await expect(waitCard(page)).toHaveAccessibleName('Wait until 24 h before the appointment');

    // 2. data: 48 hours instead of 24, typed in the inspector
    await page.getByRole('textbox', { name: 'Amount' }).fill('48');
    await expect(waitCard(page)).toHaveAccessibleName('Wait until 48 h before the appointment');

    // 3. position: the wait card dragged 160 px to the right with the mouse
    const before = await flowPosition(page, /^Wait until/);
    const box = (await waitCard(page).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 10);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 80, box.y + 10, { steps: 5 });
    await page.mouse.move(box.x + box.width / 2 + 160, box.y + 10, { steps: 5 });
    await page.mouse.up();
    const moved = await flowPosition(page, /^Wait until/);
    expect(moved.x).toBeGreaterThan(before.x + 50);

    // focus off the text field, so that Ctrl+Z is the editor's undo and not the field's
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => flowPosition(page, /^Wait until/)).toEqual(before);
    await page.keyboard.press('ControlOrMeta+Z');
    await expect(waitCard(page)).toHaveAccessibleName('Wait until 24 h before the appointment');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(steps(page)).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

    await page.getByRole('button', { name: 'Redo' }).click();
    await expect(steps(page)).toHaveCount(2);
    await page.keyboard.press('ControlOrMeta+Shift+Z');
    await expect(waitCard(page)).toHaveAccessibleName('Wait until 48 h before the appointment');
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => flowPosition(page, /^Wait until/)).toEqual(moved);
    await expect(page.getByRole('button', { name: 'Redo' })).toBeDisabled();

    await expect(page.getByTestId('save-status')).toHaveText('saved');
    await page.reload();
    await expect(steps(page)).toHaveCount(2);
    await expect(waitCard(page)).toHaveAccessibleName('Wait until 48 h before the appointment');
    await expect.poll(() => flowPosition(page, /^Wait until/)).toEqual(moved);
  });
});
