import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { postSandboxCallback, signedInApi } from '../api';
import { artifacts, logIn } from '../login';
import { IntegrationsPage } from '../pages/integrations-page';

/** A POST the receiver got: its headers and its body as sent (the signature covers the raw text). */
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A clinic's system on the loopback (playwright.config.ts lets the API reach 127.0.0.1): answers 204 to all. */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/clinicflow/hooks`, received };
}

/**
 * Whether a POST carries the Standard Webhooks signature of this secret (standardwebhooks.com): `v1,<base64
 * HMAC-SHA256 of "id.timestamp.body">`, the key the secret's base64 after `whsec_`. Written from the spec, not
 * with the library the API signs with, so the two agree only when both follow it.
 */
function signedWith(secret: string, { headers, body }: Received): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signed = `${String(headers['webhook-id'])}.${String(headers['webhook-timestamp'])}.${body}`;
  const expected = `v1,${createHmac('sha256', key).update(signed).digest('base64')}`;
  return String(headers['webhook-signature']).split(' ').includes(expected);
}

test.describe('settings: webhooks', () => {
  test.use({ viewport: { width: 1280, height: 1400 } });

  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  test.beforeEach(async () => {
    receiver = await startReceiver();
  });

  // The demo clinic as `npm start` made it for the next spec: no webhook endpoint.
  test.afterEach(async ({ request }) => {
    const api = await signedInApi(request);
    const endpoints = await api<{ id: string }[]>('GET', '/api/settings/webhooks');
    for (const { id } of endpoints) await api('DELETE', `/api/settings/webhooks/${id}`);
    await new Promise((resolve) => receiver.server.close(resolve));
  });

  test('a manager adds an endpoint, gets its secret once, and sees a patient’s reply delivered to it signed', async ({
    page,
    request,
  }) => {
    await logIn(page);
    const integrations = new IntegrationsPage(page);
    await integrations.open();
    const webhooks = integrations.webhooks;
    await expect(webhooks.getByText('No endpoint yet: nothing is sent.')).toBeVisible();

    await integrations.addWebhookEndpoint(receiver.url, ['A patient replied'], 'Practice software (e2e)');
    const secretShown = webhooks.getByTestId('new-webhook-secret');
    await expect(secretShown).toContainText('it is shown only once');
    const secret = await secretShown.locator('pre').innerText();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const endpoint = integrations.webhookEndpoint(receiver.url);
    await expect(endpoint).toContainText('Practice software (e2e)');
    await expect(endpoint).toContainText('Events: A patient replied');
    await expect(endpoint.getByRole('switch', { name: `On: ${receiver.url}` })).toBeChecked();

    // A patient texts the clinic (the sandbox provider's callback): the engine's tick posts `reply.received`.
    const api = await signedInApi(request);
    const me = await api<{ clinicId: string }>('GET', '/api/auth/me');
    const patients = await api<{ items: { mobile: string | null }[] }>('GET', '/api/patients?pageSize=50');
    const patient = patients.items.find((p) => p.mobile)!;
    const text = `Je serai là, merci (${Date.now()})`;
    const inbound = await postSandboxCallback(request, me.clinicId, 'inbound', {
      from: patient.mobile,
      to: '+33145678900',
      text,
    });
    expect(inbound.ok(), await inbound.text()).toBe(true);

    const openLog = endpoint.getByRole('button', { name: `Delivery log of ${receiver.url}`, exact: true });
    await openLog.click();
    await expect(openLog).toHaveAttribute('aria-expanded', 'true');
    const row = endpoint.getByTestId('webhook-message').filter({ hasText: 'A patient replied' });
    await expect(async () => {
      await endpoint.getByRole('button', { name: `Refresh the delivery log of ${receiver.url}` }).click();
      await expect(row).toContainText('delivered', { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(row).toContainText('204');
    await expect(row).toContainText(/\d+ ms/);

    // The receiver got the event once, signed with the secret shown, with the patient's words.
    const ours = receiver.received.filter((r) => r.body.includes(text));
    expect(ours).toHaveLength(1);
    const event = JSON.parse(ours[0].body) as { type: string; data: { text: string; channel: string } };
    expect(event).toMatchObject({ type: 'reply.received', data: { text, channel: 'sms' } });
    expect(ours[0].headers['webhook-id']).toBeTruthy();
    expect(signedWith(secret, ours[0])).toBe(true);
    expect(signedWith('whsec_' + Buffer.from('another secret').toString('base64'), ours[0])).toBe(false);

    await webhooks.getByRole('button', { name: 'Show the flow steps’ secret' }).click();
    await expect(webhooks.getByTestId('flow-steps-secret').locator('pre')).toHaveText(/^whsec_/);
    await page.screenshot({ path: path.join(artifacts, 'settings-webhooks.png'), fullPage: true });
    // everything the panel can show is on screen now (the form, a new secret, an endpoint's log): WCAG 2.1 AA
    const axe = await new AxeBuilder({ page })
      .include('[id$="-panel-integrations"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(
      axe.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`),
    ).toEqual([]);

    // Shown once: back on the page, the endpoint is listed but its secret is not.
    await page.reload();
    await page.getByRole('tab', { name: 'Integrations' }).click();
    await expect(endpoint).toBeVisible();
    await expect(webhooks.getByTestId('new-webhook-secret')).toHaveCount(0);
    await expect(page.getByText(secret)).toHaveCount(0);
  });
});
