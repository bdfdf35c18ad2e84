import { expect, type Locator, type Page } from '@playwright/test';

/** The settings' Integrations tab (issue 19): the HL7 v2 connection and its log, how FHIR connects. */
export class IntegrationsPage {
  readonly hl7: Locator;
  readonly fhir: Locator;
  readonly facility: Locator;
  readonly peers: Locator;

  constructor(private readonly page: Page) {
    this.hl7 = page.getByRole('region', { name: 'HL7 v2 (MLLP)' });
    this.fhir = page.getByRole('region', { name: 'FHIR R4' });
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
}
