import { expect, type Locator, type Page } from '@playwright/test';

/** The run explorer (English interface): a patient's runs, one run on its flow's canvas with its decisions. */
export class RunsPage {
  readonly table: Locator;
  readonly decisions: Locator;
  readonly canvas: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Runs found' });
    this.decisions = page.getByTestId('run-decision');
    this.canvas = page.getByTestId('run-canvas');
  }

  /** Opens the explorer from the navigation. */
  async open() {
    await this.page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Runs' })
      .click();
    await expect(this.page.getByRole('heading', { name: 'Runs', exact: true })).toBeVisible();
  }

  /** Searches a patient as one types, and picks the option that starts with `label`. */
  async pickPatient(search: string, label: string) {
    const box = this.page.getByRole('combobox', { name: 'Patient' });
    await box.click();
    await box.fill(search);
    await this.page
      .getByRole('option', { name: new RegExp(`^${label}`) })
      .first()
      .click();
  }

  /** The row of a flow's run. */
  row(flow: string): Locator {
    return this.table.getByTestId('run-row').filter({ hasText: flow });
  }

  /** Opens a flow's run from its row. */
  async openRun(flow: string) {
    await this.row(flow).getByRole('link').click();
    await expect(this.page.getByRole('heading', { name: `Run of ${flow}` })).toBeVisible();
  }
}
