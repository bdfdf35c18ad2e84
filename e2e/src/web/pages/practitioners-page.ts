import { expect, type Locator, type Page } from '@playwright/test';

/** The practitioners page (F9): staff say a practitioner is running late or absent. */
export class PractitionersPage {
  readonly status: Locator;

  constructor(private readonly page: Page) {
    this.status = page.getByRole('status');
  }

  /** Opens the page from the navigation. */
  async open() {
    await this.page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Practitioners' })
      .click();
    await expect(this.page.getByRole('table', { name: 'The clinic’s practitioners' })).toBeVisible();
  }

  /** Opens the "running late" dialog of `name`; the minutes field has the focus. */
  async openLate(name: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Running late: ${name}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `${name} is running late` });
    await expect(dialog.getByRole('textbox', { name: 'Minutes late' })).toBeFocused();
    return dialog;
  }

  /** Types the minutes in the open dialog and sends them with Enter, as a front desk would. */
  async declareLate(dialog: Locator, minutes: number) {
    const field = dialog.getByRole('textbox', { name: 'Minutes late' });
    await field.fill(String(minutes));
    await field.press('Enter');
    await expect(dialog).toBeHidden();
  }
}
