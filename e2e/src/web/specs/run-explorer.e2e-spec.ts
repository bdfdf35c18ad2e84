import { expect, test } from '@playwright/test';
import path from 'node:path';
import { sendAtAnyHour, signedInApi, withSettings } from '../api';
import { seriousViolations } from '../axe';
import { artifacts, logIn } from '../login';
import { RunsPage } from '../pages/runs-page';
import { bookNewPatient } from '../pms';

/*
 * Issue 15, item 8 (run explorer): a patient booked by the PMS is found by name; their runs are listed in clinic
 * time; one opens on its flow's canvas with the path it took lit, each step with what it decided and why, named as
 * its card is (never by its id). (Retrying a run an engine error ended is covered by the API's and the component's
 * specs: the product offers no way to make the engine fail on purpose.)
 */
test.describe('run explorer', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('a manager finds a patient’s runs and reads one on its flow’s canvas, step by step', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const api = await signedInApi(request);
    const lastName = `Runfinder${Date.now()}`;
    await withSettings(api, sendAtAnyHour, async () => {
      const booked = await bookNewPatient(request, api, { firstName: 'Odile', lastName });
      await expect
        .poll(
          async () => (await api<{ total: number }>('GET', `/api/runs?patientId=${booked.patientId}`)).total,
          {
            timeout: 30_000,
          },
        )
        .toBeGreaterThanOrEqual(2);

      await logIn(page);
      const runs = new RunsPage(page);
      await runs.open();
      await runs.pickPatient(lastName, `Odile ${lastName}`);
      await expect(runs.row('Booking confirmation')).toBeVisible();
      const reminders = runs.row('Reminders with confirmation request');
      await expect(reminders).toContainText('an appointment is booked');
      await expect(reminders).toContainText(/waiting/);
      await expect(reminders).toContainText(/\d\d\/\d\d\/\d{4}, \d\d:\d\d/);
      await expect(page.getByTestId('clinic-zone')).toContainText('Europe/Paris');
      expect(await seriousViolations(page)).toEqual([]);

      await runs.openRun('Reminders with confirmation request');
      await expect(page.getByText(`For Odile ${lastName}`)).toBeVisible();
      await expect(runs.canvas).toBeVisible();
      // the path it took so far: the trigger and the wait it waits at, lit; the steps after it, not
      await expect(runs.canvas.locator('[data-lit="on"]')).toHaveCount(2);
      expect(await runs.canvas.locator('[data-lit="off"]').count()).toBeGreaterThan(2);
      const decisions = await runs.decisions.allInnerTexts();
      expect(decisions.join('\n')).toContain('Appointment booked or moved');
      expect(decisions.join('\n')).toMatch(/48 h before\s+waits until \d\d\/\d\d\/\d{4}, \d\d:\d\d/);
      expect(decisions.join('\n')).not.toMatch(/\bwait48\b|\bbooked\b passed|sms24/);
      await page.screenshot({ path: path.join(artifacts, 'run-explorer.png') });
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
});
