import { expect, type Locator, type Page } from '@playwright/test';

/** The simulation panel beside a flow's canvas, as a practice manager fills it (English interface). */
export class SimulationPanel {
  readonly timeline: Locator;
  readonly rows: Locator;
  readonly stale: Locator;

  constructor(private readonly page: Page) {
    this.timeline = page.getByRole('table', { name: 'Timeline (clinic time)' });
    this.rows = this.timeline.getByTestId('timeline-row');
    this.stale = page.getByTestId('simulation-stale');
  }

  /** A field by the start of its label (a required field's label ends with an asterisk). */
  field(label: string): Locator {
    return this.page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  }

  async open() {
    await this.page.getByRole('button', { name: 'Simulate' }).click();
    await expect(this.field('Appointment day')).toBeVisible();
  }

  /** What happens and when, clinic-local ("2026-05-02", "09:00"), and the last day looked at. */
  async when(day: string, time: string, until: string) {
    await this.field('Day it happens').fill(day);
    await this.field('Time it happens').fill(time);
    await this.field('Simulate until the end of').fill(until);
  }

  /** The made-up appointment: its day and time in the clinic, its service and practitioner. */
  async madeUp(day: string, time: string, service: string, practitioner: string) {
    await this.field('Appointment day').fill(day);
    await this.field('Appointment time').fill(time);
    await this.pick('Service', service);
    await this.pick('Practitioner', practitioner);
  }

  async pick(label: string, option: string) {
    await this.page.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** A reply of the patient: its text, its clinic-local day and time. */
  async reply(text: string, day: string, time: string) {
    await this.page.getByRole('button', { name: 'Add a reply' }).click();
    const reply = this.page.getByTestId('scripted-reply').last();
    await reply.getByLabel('Reply text').fill(text);
    await reply.getByLabel('Reply day').fill(day);
    await reply.getByLabel('Reply time').fill(time);
  }

  /** Turns "advanced" on and writes the sample as JSON. */
  async json(sample: unknown) {
    await this.page.getByRole('switch', { name: 'Advanced: the sample as JSON' }).check({ force: true });
    await this.page
      .getByRole('textbox', { name: 'Sample patient and appointment' })
      .fill(JSON.stringify(sample, null, 2));
  }

  /** Runs it and answers each line of the timeline as it reads. */
  async run(): Promise<string[]> {
    await this.page.getByRole('button', { name: 'Run the simulation' }).click();
    await expect(this.stale).toHaveCount(0);
    await expect(this.rows.first()).toBeVisible();
    return this.rows.allInnerTexts();
  }
}
