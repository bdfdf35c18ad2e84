import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { artifacts, demoManager, logIn } from '../login';
import { SimulationPanel } from '../pages/simulation-panel';

/*
 * Issue 7's acceptance path, as a first-time user follows what the screen says (demo manager, 1600×1000):
 *  1. Flows → "New flow" → "Empty flow: Start from this" (a canvas with the trigger "When an appointment is
 *     booked"); type a name in "Flow name".
 *  2. The "+" under the trigger → "Condition" (default "If the patient agreed to receive SMS", both exits end
 *     the flow); the "+" on its "yes" exit → "Wait" (default "Wait until 24 h before the appointment"); the
 *     "+" between the wait and the end → "Message" (SMS to the patient).
 *  3. "To fix before publishing" lists the message's missing text (the card says "1 to fix"): click it, write
 *     the French text in "Text (French)"; the list says "No problems found".
 *  4. Click the Wait card: "If that moment has already passed" → "continue at once", "During quiet hours" →
 *     "send anyway" (a late booking still gets its reminder).
 *  5. "Publish" → the checklist says the flow can be published → note → "Publish version 1".
 *  6. "Simulate", an appointment on 12 May 2026 at 10:00 → "Run the simulation": the SMS row reads
 *     "Mon, 11/05/2026, 10:00" (clinic time) with its text.
 *  7. Switch "On" in the toolbar: the "live" badge turns green and every card shows today's counts.
 *  8. A patient who agreed to SMS is registered and the PMS books her (API key, POST /api/events): the trigger's "entered" and the message's
 *     "sent" counts go to 1 and "Latest outcomes today" lists the patient (by her initials), without a reload.
 */

/** A step card on the canvas, found by the title it shows (its type until it is named). */
const card = (page: Page, title: string) =>
  page.locator('[data-testid^="step-"]').filter({ has: page.getByText(title, { exact: true }) });

/** Clicks a "+" (named after where it inserts) and picks a step type in its menu, as a user does. */
async function addStep(page: Page, plus: RegExp, type: string) {
  await page.getByRole('button', { name: plus }).click();
  await page.getByRole('menuitem', { name: new RegExp(`^${type}`) }).click();
}

test.describe('scenario 1 drawn from an empty canvas', () => {
  test.use({ viewport: { width: 1600, height: 1000 } });

  test('a manager draws, fixes, publishes, simulates and enables the reminder, then watches it send live', async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    await logIn(page);

    // From the flows list: New flow → Empty flow (only a trigger, "appointment booked")
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Flows' })
      .click();
    await page.getByRole('link', { name: 'New flow' }).click();
    await page.getByRole('button', { name: 'Empty flow' }).click();
    await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}$/);
    const flowName = `Reminder 24 h before ${Date.now()}`;
    await page.getByRole('textbox', { name: 'Flow name' }).fill(flowName);

    // Draw: trigger → condition (SMS consent; its exits end the flow) → yes: wait 24 h before → SMS
    await expect(card(page, 'Trigger')).toBeVisible();
    await addStep(page, /^Add a step on the “next” exit of Trigger$/, 'Condition');
    await addStep(page, /^Add a step on the “yes” exit of If the patient agreed to receive SMS$/, 'Wait');
    await addStep(page, /^Add a step between Wait until 24 h before the appointment and End/, 'Message');
    await expect(page.locator('[data-testid^="step-"]')).toHaveCount(6);

    // The problems the editor shows: the message has no text yet
    const problems = page.getByRole('region', { name: 'To fix before publishing' });
    await expect(problems.getByRole('button').first()).toBeVisible();
    await problems.getByRole('button').first().click();
    const inspector = page.getByLabel('Text (French)');
    await inspector.fill(
      'Bonjour {{patient.firstName}}, rappel : RDV le {{date appointment.start "EEEE d MMMM"}} à {{time appointment.start}}. Cabinet des Lilas',
    );
    await expect(problems.getByText('No problems found')).toBeVisible();

    // The wait: a booking made less than 24 h ahead gets its reminder at once, even in quiet hours
    await card(page, 'Wait').click();
    await page.getByLabel('If that moment has already passed').selectOption({ label: 'continue at once' });
    await page.getByLabel('During quiet hours').selectOption({ label: 'send anyway' });
    await expect(page.getByTestId('save-status')).toHaveText('saved');
    await page.screenshot({ path: path.join(artifacts, 'scenario-1-canvas.png'), fullPage: true });

    // Publish through the dialog's checklist
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish this flow' });
    await expect(dialog.getByText('No problems: the flow can be published.')).toBeVisible();
    await dialog.getByLabel('Note for this version').fill('Scenario 1: SMS 24 h before');
    await dialog.getByRole('button', { name: 'Publish version 1' }).click();
    await expect(dialog).toBeHidden();

    // Simulate: an appointment on Tuesday 12 May 2026 at 10:00 (Paris), the SMS goes at 10:00 the day before
    const simulation = new SimulationPanel(page);
    await simulation.open();
    await simulation.when('2026-05-02', '09:00', '2026-05-14');
    await simulation.field('Appointment day').fill('2026-05-12');
    await simulation.field('Appointment time').fill('10:00');
    await simulation.run();
    const sms = simulation.rows.filter({ hasText: 'Bonjour Léa' });
    await expect(sms).toContainText('Mon, 11/05/2026, 10:00');
    await expect(sms).toContainText('rappel : RDV le mardi 12 mai à 10:00');
    await sms.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, 'scenario-1-simulation.png'), fullPage: true });
    await page.getByRole('button', { name: 'Close' }).click();

    // Turn the flow on from its page: the counts of today appear on every card
    await page
      .getByRole('switch', { name: 'Flow off: it does not run for new appointment events' })
      .click({ force: true });
    await expect(
      page.getByRole('switch', { name: 'Flow on: it runs for new appointment events' }),
    ).toBeChecked();
    await expect(page.getByTestId('live-badge')).toHaveAttribute('data-status', 'connected');
    const entered = card(page, 'Trigger').getByTestId('activity-entered');
    const sent = card(page, 'Message').getByTestId('activity-sent');
    await expect(entered).toHaveText('0 entered');
    await expect(sent).toHaveText('0 sent');

    // A new patient who agreed to SMS reminders (a fresh one: "one reminder per person per day" would skip a
    // demo patient already reminded today), then the practice-management system books her 23 h 50 ahead
    const login = await request.post('/api/auth/login', { data: demoManager });
    const token = (await login.json()).accessToken as string;
    const keyAnswer = await request.post('/api/api-keys', {
      headers: { Authorization: `Bearer ${token}` },
      data: { name: 'Scenario 1 PMS' },
    });
    const apiKey = (await keyAnswer.json()).key as string;
    const patientId = `P-S1-${Date.now()}`;
    const patient = await request.post('/api/patients', {
      headers: { Authorization: `Bearer ${token}` },
      data: {
        externalId: patientId,
        firstName: 'Inès',
        lastName: 'Roussel',
        mobile: '06 98 76 54 32',
        language: 'fr',
        consent: { sms: { granted: true, purposes: ['reminders'], source: 'pms' } },
      },
    });
    expect(patient.status()).toBe(201);
    const start = new Date(Date.now() + (23 * 60 + 50) * 60_000);
    const event = await request.post('/api/events', {
      headers: { 'X-Api-Key': apiKey },
      data: {
        id: `scenario-1-${Date.now()}`,
        type: 'appointment.booked',
        occurredAt: new Date().toISOString(),
        appointment: {
          externalId: `S1-${Date.now()}`,
          start: start.toISOString(),
          end: new Date(start.getTime() + 30 * 60_000).toISOString(),
          status: 'booked',
          source: 'online',
          serviceExternalId: 'S-CTRL',
          resourceExternalId: 'R-NGUYEN',
          locationExternalId: 'L-LILAS',
        },
        patient: { externalId: patientId },
      },
    });
    expect(event.status()).toBe(202);

    // Without a reload, the trigger counts the run and the SMS step counts the message sent
    await expect(entered).toHaveText('1 entered', { timeout: 30_000 });
    await expect(sent).toHaveText('1 sent', { timeout: 30_000 });
    const feed = page.getByRole('region', { name: 'Latest outcomes today' });
    // the feed tells outcomes apart by the patient's initials, with the step's name
    await expect(feed.getByRole('listitem').filter({ hasText: 'I. R.' }).first()).toContainText(
      /sent|delivered/,
    );
    await page.screenshot({ path: path.join(artifacts, 'scenario-1-live.png'), fullPage: true });
  });
});
