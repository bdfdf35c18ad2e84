import { expect, test } from '@playwright/test';
import path from 'node:path';
import { sendAtAnyHour, signedInApi, withSettings } from '../api';
import { seriousViolations } from '../axe';
import { artifacts, logIn } from '../login';
import { parseCsv, ReportPage } from '../pages/report-page';
import { bookNewPatient } from '../pms';

/*
 * Issue 15, item 3 (one clock): the booking confirmation a PMS booking sends reads the same clinic time on the
 * canvas ("Latest outcomes today"), in the report, in its drawer and in the CSV, in English and in French, in the
 * interface's format ("12/04/2026, 20:15" / "12/04/2026 20:15"), never the browser's zone or "8:15 PM".
 */

/** The words of each language the spec clicks. */
const words = {
  en: {
    columns: 'Columns',
    delivered: 'Delivered',
    exportCsv: 'Export CSV',
    confirm: 'I understand, download',
  },
  fr: {
    columns: 'Colonnes',
    delivered: 'Reçu',
    exportCsv: 'Exporter en CSV',
    confirm: 'J’ai compris, télécharger',
  },
} as const;

/** An instant's wall-clock parts in Paris, the demo clinic's zone (computed here, independently of the editor). */
function paris(instant: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  const date = `${parts.day}/${parts.month}/${parts.year}`;
  const time = `${parts.hour}:${parts.minute}`;
  return {
    time,
    en: `${date}, ${time}`,
    fr: `${date} ${time}`,
    csv: `${parts.year}-${parts.month}-${parts.day} ${time}:${parts.second}`,
  };
}

test.describe('one clock', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  for (const language of ['en', 'fr'] as const) {
    test(`a message reads the same clinic time on the canvas, in the report, the drawer and the CSV (${language})`, async ({
      page,
      request,
    }) => {
      test.setTimeout(150_000);
      const api = await signedInApi(request);
      await withSettings(api, sendAtAnyHour, async () => {
        const flows = await api<{ id: string; name: string }[]>('GET', '/api/flows');
        const confirmation = flows.find((flow) => flow.name === 'Booking confirmation')!;
        expect(confirmation, 'the demo’s booking confirmation flow').toBeTruthy();
        // "Q. X." on the canvas: initials no demo patient has
        const lastName = `Xavier-${language}-${Date.now()}`;
        const booked = await bookNewPatient(request, api, { firstName: 'Quentin', lastName });
        let delivered = { id: '', deliveredAt: '' };
        await expect
          .poll(
            async () => {
              const list = await api<{ items: { id: string; status: string; deliveredAt: string }[] }>(
                'GET',
                `/api/deliveries?patientId=${booked.patientId}&flowId=${confirmation.id}`,
              );
              delivered = list.items[0] ?? delivered;
              return list.items[0]?.status;
            },
            { timeout: 60_000 },
          )
          .toBe('delivered');
        // its last change: what "Latest outcomes" dates, and the "delivered" time everywhere else
        const at = paris(delivered.deliveredAt);

        await logIn(page);
        if (language === 'fr') {
          await page.getByText('Français', { exact: true }).click();
          await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
        }

        // the canvas: the flow's latest outcomes, the patient by initials, at the clinic's time
        await page.goto(`/flows/${confirmation.id}`);
        const feed = page.getByTestId('live-feed');
        const outcome = feed.getByRole('listitem').filter({ hasText: 'Q. X.' }).first();
        await expect(outcome).toContainText(at.time, { timeout: 30_000 });
        await page.screenshot({ path: path.join(artifacts, `clinic-time-canvas-${language}.png`) });

        // the report: the "delivered" column shown from the chooser
        const report = new ReportPage(page);
        await report.open(lastName);
        await report.showColumn(words[language].delivered, words[language].columns);
        const row = report.row(delivered.id);
        await expect(row).toContainText(at[language]);
        await expect(page.getByTestId('clinic-zone')).toContainText('Europe/Paris');
        expect(await seriousViolations(page)).toEqual([]);

        // the drawer: the delivered step of the message's history
        await report.openDrawer(delivered.id);
        await expect(report.drawer.getByTestId('drawer-timeline')).toContainText(at[language]);
        await expect(report.drawer.getByTestId('drawer-timeline')).not.toContainText(/AM|PM/);
        await page.screenshot({ path: path.join(artifacts, `clinic-time-drawer-${language}.png`) });
        expect(await seriousViolations(page)).toEqual([]);
        await page.keyboard.press('Escape');

        // the CSV: its header names the zone; the same wall-clock time, to the second
        const [header, ...rows] = parseCsv(
          await report.exportCsv(words[language].exportCsv, words[language].confirm),
        );
        const column = header.indexOf(
          language === 'fr' ? 'remis le (Europe/Paris)' : 'delivered (Europe/Paris)',
        );
        expect(column, header.join(' | ')).toBeGreaterThanOrEqual(0);
        const mine = rows.find((cells) => cells.includes(delivered.id))!;
        expect(mine[column]).toBe(at.csv);
      });
    });
  }
});
