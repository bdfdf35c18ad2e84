import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { signedInApi } from '../api';
import { artifacts, logIn } from '../login';

/** Records in a CSV file (quoted fields may hold commas and line breaks), header excluded. */
function csvRecords(text: string): number {
  let records = 0;
  let quoted = false;
  let empty = true;
  for (const char of text.replace(/^\uFEFF/, '')) {
    if (char === '"') quoted = !quoted;
    if (char === '\n' && !quoted) {
      if (!empty) records++;
      empty = true;
    } else if (char !== '\r') empty = false;
  }
  if (!empty) records++;
  return records - 1;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

interface BatchRow {
  id: string;
  problem: string | null;
  resourceId: string | null;
  patient: { id: string; name: string } | null;
}

test.describe('message summary report', () => {
  test('a failed SMS is found, explained, exported and sent again once credits are topped up', async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const api = await signedInApi(request);
    // Out of test mode, with credits counted per practitioner (none yet): the clinic's next SMS fails
    // with "credits exhausted", as it would in a clinic whose pack ran out.
    const settings = await api<Record<string, unknown>>('GET', '/api/settings');
    const changed = ['testMode', 'creditsScope', 'quietHours', 'channelToggles'] as const;
    const before = Object.fromEntries(changed.map((key) => [key, settings[key]]));
    try {
      await api('PUT', '/api/settings', {
        testMode: false,
        creditsScope: 'practitioner',
        quietHours: { windows: [], noSendWeekdays: [], holidays: [] },
        channelToggles: { services: {}, resources: {} },
      });
      const from = new Date();
      const to = new Date(Date.now() + 30 * 86_400_000);
      const preview = await api<{ items: BatchRow[] }>('POST', '/api/batch-sends/preview', {
        from: day(from),
        to: day(to),
        channel: 'sms',
      });
      const row = preview.items.find((r) => !r.problem && r.resourceId && r.patient)!;
      expect(row, 'a demo appointment with a mobile number').toBeTruthy();
      await api('POST', `/api/patients/${row.patient!.id}/consent`, {
        channel: 'sms',
        granted: true,
        source: 'patient',
      });
      const batch = await api<{ id: string }>('POST', '/api/batch-sends', {
        name: 'e2e report',
        query: { from: day(from), to: day(to), channel: 'sms' },
        removed: preview.items.filter((r) => r.id !== row.id).map((r) => r.id),
        template: { body: 'Le cabinet sera fermé lundi. Merci de votre compréhension.' },
      });
      const failedOfBatch = `/api/deliveries?batchId=${batch.id}&status=failed`;
      await expect
        .poll(async () => (await api<{ total: number }>('GET', failedOfBatch)).total, { timeout: 60_000 })
        .toBe(1);
      const failed = (await api<{ items: { id: string }[] }>('GET', failedOfBatch)).items[0];

      await logIn(page);
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Report' })
        .click();
      const filters = page.getByRole('region', { name: 'Filters' });
      await filters.getByRole('button', { name: 'Last 7 days' }).click();
      await filters.getByText('failed', { exact: true }).click();
      await filters.getByText('SMS', { exact: true }).click();
      await expect(page).toHaveURL(/status=failed/);
      await expect(page).toHaveURL(/channel=sms/);
      const row1 = page.locator(`[data-delivery-id="${failed.id}"]`);
      await expect(row1).toBeVisible();
      await expect(page.getByTestId('report-table').getByTestId('row-status').first()).toHaveText('failed');
      await page.screenshot({ path: path.join(artifacts, 'report.png'), fullPage: true });

      // The filter survives a reload (it lives in the URL) and the export holds exactly its rows.
      await page.reload();
      await expect(row1).toBeVisible();
      const total = Number((await page.getByTestId('report-total').textContent())!.match(/\d+/)![0]);
      expect(total).toBeGreaterThanOrEqual(1);
      await page.getByRole('button', { name: 'Export CSV' }).click();
      const dialog = page.getByRole('dialog', { name: 'Personal health-related data' });
      await expect(dialog).toContainText('personal health-related data');
      const downloading = page.waitForEvent('download');
      await dialog.getByRole('button', { name: 'I understand, download' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const file = readFileSync((await download.path())!, 'utf8');
      expect(csvRecords(file)).toBe(total);

      // the printable view lists the same rows, without the app's navigation
      await page.getByRole('link', { name: 'Printable view' }).click();
      await expect(page).toHaveURL(/\/report\/print\?.*status=failed/);
      await expect(page.getByTestId('print-table').locator('tbody tr')).toHaveCount(total);
      await page.emulateMedia({ media: 'print' });
      await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
      await page.screenshot({ path: path.join(artifacts, 'report-print.png'), fullPage: true });
      await page.emulateMedia({ media: 'screen' });
      await page.getByRole('link', { name: 'Back to the report' }).click();

      await row1.getByRole('button', { name: /: open the message$/ }).click();
      const drawer = page.getByTestId('delivery-drawer');
      await expect(drawer.getByTestId('drawer-problem')).toContainText('The clinic has no SMS credits left');
      await expect(drawer.getByTestId('drawer-status')).toHaveText('failed');
      await page.screenshot({ path: path.join(artifacts, 'report-drawer.png'), fullPage: true });

      await api('POST', '/api/settings/credits/top-ups', {
        credits: 5,
        resourceId: row.resourceId,
        note: 'e2e',
      });
      await drawer.getByRole('button', { name: 'Send again' }).click();
      // the live event of the dispatcher's send refreshes the drawer by itself
      await expect(drawer.getByTestId('drawer-status')).toHaveText(/^(sent|delivered)$/, { timeout: 60_000 });
      await expect(drawer.getByTestId('drawer-problem')).toHaveCount(0);
      await expect(page.getByTestId('live-badge')).toHaveAttribute('data-status', 'connected');
      await page.screenshot({ path: path.join(artifacts, 'report-drawer-sent.png'), fullPage: true });
    } finally {
      // the other specs share the demo clinic: give it back as it was
      await api('PUT', '/api/settings', before);
    }
  });

  test('an export of no rows says so instead of downloading an empty file', async ({ page }) => {
    await logIn(page);
    await page.goto('/report?q=nobody-is-called-this-e2e');
    await expect(page.getByTestId('report-total')).toHaveText('0 messages');
    await page.getByRole('button', { name: 'Export Excel' }).click();
    await page.getByRole('button', { name: 'I understand, download' }).click();
    await expect(page.getByTestId('export-refused')).toContainText('nothing to export');
  });
});
