import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** The message summary report as the front desk uses it: the table, a message's drawer, the CSV export. */
export class ReportPage {
  readonly table: Locator;
  readonly drawer: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByTestId('report-table');
    this.drawer = page.getByTestId('delivery-drawer');
  }

  /** Opens the report on a search (the URL keeps the filters). */
  async open(search: string) {
    await this.page.goto(`/report?q=${encodeURIComponent(search)}`);
    await expect(this.table).toBeVisible();
  }

  row(deliveryId: string): Locator {
    return this.page.locator(`[data-delivery-id="${deliveryId}"]`);
  }

  /** Shows a column from the chooser (by its header as the interface names it). */
  async showColumn(name: string, chooser: string) {
    await this.page.getByRole('button', { name: chooser }).click();
    const box = this.page.getByRole('group', { name: chooser }).getByRole('checkbox', { name, exact: true });
    if (!(await box.isChecked())) await box.check();
    await this.page.keyboard.press('Escape');
  }

  /** Opens a row's drawer from its recipient button. */
  async openDrawer(deliveryId: string) {
    await this.row(deliveryId).getByRole('button').first().click();
    await expect(this.drawer).toBeVisible();
  }

  /** Exports the rows as CSV through the confirmation, and answers the file's text. */
  async exportCsv(button: string, confirm: string): Promise<string> {
    await this.page.getByRole('button', { name: button }).click();
    const downloading = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: confirm }).click();
    const download = await downloading;
    return readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  }
}

/** A CSV file's header and rows (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') field += text[i++];
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
