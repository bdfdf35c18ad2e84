import { expect, type Locator, type Page } from '@playwright/test';

/** The events a webhook endpoint may hear, as the form words them. */
const WEBHOOK_EVENTS = [
  'A message’s status changed',
  'A patient replied',
  'A patient confirmed an appointment',
  'A patient declined an appointment',
  'A patient’s consent changed',
  'A flow’s run ended',
];

/**
 * The settings' Integrations tab (issue 19): the HL7 v2 connection and its log, how FHIR connects, the webhook
 * endpoints and their delivery logs.
 */
export class IntegrationsPage {
  readonly hl7: Locator;
  readonly fhir: Locator;
  readonly webhooks: Locator;
  readonly facility: Locator;
  readonly peers: Locator;
  readonly addWebhook: Locator;

  constructor(private readonly page: Page) {
    this.hl7 = page.getByRole('region', { name: 'HL7 v2 (MLLP)' });
    this.fhir = page.getByRole('region', { name: 'FHIR R4' });
    this.webhooks = page.getByRole('region', { name: 'Webhooks and write-back' });
    this.addWebhook = this.webhooks.getByRole('form', { name: 'Add an endpoint' });
    this.facility = this.hl7.getByRole('textbox', { name: /^Sending facility \(MSH-4\)/ });
    this.peers = this.hl7.getByRole('textbox', { name: 'Allowed addresses' });
  }

  /** Opens the settings on the Integrations tab, once the HL7 connection is read. */
  async open() {
    await this.page.goto('/settings');
    await this.page.getByRole('tab', { name: 'Integrations' }).click();
    await expect(this.hl7.getByTestId('hl7-listener')).toBeVisible();
  }

  /** The listener's port as the panel tells the clinic where to send, or null when it says it is off. */
  async listenerPort(): Promise<number | null> {
    const text = await this.hl7.getByTestId('hl7-listener').innerText();
    const port = text.match(/port (\d+)/);
    return port ? Number(port[1]) : null;
  }

  /** Saves the connection with its facility and allowed addresses, and waits for the API to hold it. */
  async connect(facility: string, peers: string[]) {
    await this.facility.fill(facility);
    await this.peers.fill(peers.join('\n'));
    await this.hl7.getByRole('button', { name: 'Save the connection' }).click();
    await expect(this.hl7.getByTestId('hl7-state')).toHaveText('Saved');
  }

  /** An endpoint of the list, by its URL. */
  webhookEndpoint(url: string): Locator {
    return this.webhooks.getByRole('article', { name: url });
  }

  /** Adds a webhook endpoint hearing exactly these events (in the form's words), and waits for it listed. */
  async addWebhookEndpoint(url: string, events: string[], description: string) {
    await this.addWebhook.getByRole('radio', { name: 'Webhook (signed JSON)' }).check();
    await this.addWebhook.getByRole('textbox', { name: /^URL/ }).fill(url);
    for (const event of WEBHOOK_EVENTS)
      await this.addWebhook.getByRole('checkbox', { name: event }).setChecked(events.includes(event));
    await this.addWebhook.getByRole('textbox', { name: 'Description' }).fill(description);
    await this.addWebhook.getByRole('button', { name: 'Add the endpoint' }).click();
    await expect(this.webhookEndpoint(url)).toBeVisible();
  }
}
