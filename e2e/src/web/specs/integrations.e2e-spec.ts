import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { signedInApi } from '../api';
import { artifacts, logIn } from '../login';
import { sendMllp } from '../mllp';
import { IntegrationsPage } from '../pages/integrations-page';

test.describe('settings: integrations', () => {
  test.use({ viewport: { width: 1280, height: 1400 } });

  // The demo clinic as `npm start` made it for the next spec: no HL7 connection.
  test.afterEach(async ({ request }) => {
    const api = await signedInApi(request);
    await api('DELETE', '/api/settings/hl7');
  });

  test('a manager connects the PMS over HL7, sees a refused message, gets a secret once, and reads how FHIR connects', async ({
    page,
    baseURL,
  }) => {
    await logIn(page);
    const integrations = new IntegrationsPage(page);
    await integrations.open();
    const hl7 = integrations.hl7;
    // playwright.config.ts opens the listener on a free port of the loopback
    await expect(hl7.getByTestId('hl7-listener')).toHaveText(
      /^Send the messages to port \d+ of this server \(127\.0\.0\.1\), over MLLP\.$/,
    );
    await expect(hl7.getByTestId('hl7-connection-state')).toHaveText('Not connected');

    await integrations.connect('CABINET_E2E', ['127.0.0.1']);
    await expect(hl7.getByTestId('hl7-connection-state')).toHaveText('Connected');
    await expect(hl7.getByText('No secret: only the allowed addresses decide.')).toBeVisible();
    await expect(hl7.getByTestId('hl7-closed')).toBeHidden();
    await page.reload();
    await page.getByRole('tab', { name: 'Integrations' }).click();
    await expect(integrations.facility).toHaveValue('CABINET_E2E');
    await expect(integrations.peers).toHaveValue('127.0.0.1');

    // The PMS sends a booking without its SCH segment: refused (AE), kept with its text for the clinic to see.
    const port = await integrations.listenerPort();
    expect(port).not.toBeNull();
    const controlId = `E2E-${Date.now()}`;
    const ack = await sendMllp(
      port!,
      [
        `MSH|^~\\&|PMS|CABINET_E2E|CLINICFLOW|CLINICFLOW|20260302090000||SIU^S12^SIU_S12|${controlId}|P|2.5.1`,
        'PID|1||P-E2E^^^PMS^MR||Martin^Claire',
      ].join('\r'),
    );
    expect(ack).toContain(`MSA|AE|${controlId}`);
    await hl7.getByRole('button', { name: 'Refresh the messages received' }).click();
    const row = hl7.getByTestId('hl7-message').filter({ hasText: controlId });
    await expect(row).toContainText('refused');
    await expect(row).toContainText('SCH');
    await row.getByRole('button', { name: `Show the message ${controlId}` }).click();
    const text = hl7.getByRole('region', { name: `Text of the message ${controlId}` });
    await expect(text).toContainText(/SIU_S12\|E2E-\d+\|P\|2\.5\.1\nPID\|1\|\|P-E2E/);

    await hl7.getByRole('button', { name: 'New secret' }).click();
    const secret = hl7.getByTestId('new-hl7-secret');
    await expect(secret).toContainText('paste it into MSH-8');
    await expect(secret.locator('pre')).toHaveText(/^[A-Za-z0-9_-]{32}$/);
    await expect(hl7.getByText('A secret is asked in MSH-8: a message without it is refused.')).toBeVisible();

    const fhir = integrations.fhir;
    await expect(fhir.getByRole('textbox', { name: 'Base URL' })).toHaveValue(`${baseURL}/api/fhir`);
    await expect(fhir.getByRole('table', { name: 'What to send where' })).toContainText(
      'POST /api/fhir/subscription-notification',
    );
    await page.screenshot({ path: path.join(artifacts, 'settings-integrations.png'), fullPage: true });
    // everything the tab can show is on screen now (the form, a refused message open, a new secret): WCAG 2.1 AA
    const axe = await new AxeBuilder({ page })
      .include('[id$="-panel-integrations"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(
      axe.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`),
    ).toEqual([]);

    // Shown once: back on the page, the connection asks for a secret but no longer shows it.
    await page.reload();
    await page.getByRole('tab', { name: 'Integrations' }).click();
    await expect(hl7.getByRole('button', { name: 'Stop asking for a secret' })).toBeVisible();
    await expect(hl7.getByTestId('new-hl7-secret')).toHaveCount(0);
  });
});
