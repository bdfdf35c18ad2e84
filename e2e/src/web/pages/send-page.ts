import { expect, type Locator, type Page } from '@playwright/test';

/** The one-off send page (F12) as front-desk staff use it: recipient, text, now or later. */
export class SendPage {
  readonly patient: Locator;
  readonly text: Locator;
  readonly sendAt: Locator;
  readonly status: Locator;

  constructor(private readonly page: Page) {
    this.patient = page.getByRole('combobox', { name: 'Patient' });
    this.text = page.getByRole('textbox', { name: 'Text', exact: true });
    this.sendAt = page.getByTestId('send-at');
    this.status = page.getByRole('status');
  }

  /** Opens the page from the navigation. */
  async open() {
    await this.page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Send a message' })
      .click();
    await expect(this.page.getByRole('heading', { name: 'Send a one-off message' })).toBeVisible();
  }

  /** Searches a patient by what one would type and picks the option that starts with `label`. */
  async pickPatient(search: string, label: string) {
    await this.patient.click();
    await this.patient.fill(search);
    await this.page
      .getByRole('option', { name: new RegExp(`^${label}`) })
      .first()
      .click();
    await expect(this.patient).toHaveValue(new RegExp(`^${label}`));
  }

  /** Chooses "Later" and the clinic-local date and time ("yyyy-MM-ddTHH:mm"). */
  async later(localDateTime: string) {
    await this.page.getByText('Later', { exact: true }).click();
    await this.sendAt.fill(localDateTime);
  }

  async schedule() {
    await this.page.getByRole('button', { name: 'Schedule' }).click();
  }
}
