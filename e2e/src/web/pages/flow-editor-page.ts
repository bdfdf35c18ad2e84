import { expect, type Locator, type Page } from '@playwright/test';

/** A step type of the palette, by the test id of its chip (`palette-<type>`). */
export type PaletteStep = 'condition' | 'wait' | 'send' | 'ask' | 'reach' | 'update' | 'webhook';

/** The flow editor as a practice manager uses it: the palette, the canvas, the inspector, save and publish. */
export class FlowEditorPage {
  readonly saveStatus: Locator;
  readonly inspector: Locator;
  readonly name: Locator;
  readonly pane: Locator;
  readonly cards: Locator;

  constructor(private readonly page: Page) {
    this.saveStatus = page.getByTestId('save-status');
    this.inspector = page.getByRole('region', { name: 'Step settings' });
    this.name = page.getByRole('textbox', { name: 'Flow name' });
    this.pane = page.locator('.react-flow__pane');
    this.cards = page.locator('[data-testid^="step-"]');
  }

  /** Starts a new empty flow (trigger only) and waits for its page. */
  async createEmpty() {
    await this.page.goto('/flows/new');
    await this.page.getByRole('button', { name: 'Start from this: Empty flow' }).click();
    await expect(this.page).toHaveURL(/\/flows\/[0-9a-f-]{36}$/);
    await expect(this.cards).toHaveCount(1);
  }

  /** Starts a new flow from a starter of the gallery. */
  async createFromStarter(name: string) {
    await this.page.goto('/flows/new');
    await this.page.getByRole('button', { name }).click();
    await expect(this.page).toHaveURL(/\/flows\/[0-9a-f-]{36}$/);
    await expect(this.cards.first()).toBeVisible();
  }

  /** The card of a step, by its id (the new steps' ids are `<type>-<n>`). */
  card(id: string): Locator {
    return this.page.getByTestId(`step-${id}`);
  }

  /** Drags a chip of the palette onto a target of the canvas (a line, a "+", an exit). */
  async drop(type: PaletteStep, target: Locator) {
    await this.settled();
    await this.page.getByTestId(`palette-${type}`).dragTo(target);
  }

  /**
   * Waits until the canvas stops moving: after a step is added it re-centres with an animation, and a drag
   * started meanwhile lands where the "+" was, not where it is (seen on a loaded machine).
   */
  async settled() {
    const transform = () =>
      this.page.locator('.react-flow__viewport').evaluate((element) => getComputedStyle(element).transform);
    let last: string | null = null;
    await expect
      .poll(
        async () => {
          const now = await transform();
          const still = now === last;
          last = now;
          return still;
        },
        { intervals: [150, 150, 250, 500] },
      )
      .toBe(true);
  }

  /** Drags a chip of the palette onto the empty canvas, `below` pixels under a step's card. */
  async dropBelow(type: PaletteStep, stepId: string, below = 160) {
    await this.settled();
    const card = await this.card(stepId).boundingBox();
    const pane = await this.pane.boundingBox();
    if (!card || !pane) throw new Error('the canvas is not drawn');
    await this.page.getByTestId(`palette-${type}`).dragTo(this.pane, {
      targetPosition: { x: card.x + card.width / 2 - pane.x, y: card.y + card.height + below - pane.y },
    });
  }

  /** The "+" of an exit of a step that leads nowhere yet. */
  openExit(stepId: string, exit = 'next'): Locator {
    return this.page.locator(`[data-exit-of="${stepId}"][data-exit="${exit}"]`);
  }

  /** Waits until the draft is saved on the API. */
  async saved() {
    await expect(this.saveStatus).toHaveAttribute('data-status', 'saved');
  }
}
