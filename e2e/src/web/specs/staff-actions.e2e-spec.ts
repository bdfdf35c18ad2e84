import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { sendAtAnyHour, signedInApi, withSettings, type ApiCall } from '../api';
import { artifacts, demoStaff, logIn } from '../login';
import { PractitionersPage } from '../pages/practitioners-page';
import { SendPage } from '../pages/send-page';

/** The WCAG 2.1 A and AA violations axe finds on the page as it is. */
async function violations(page: Page) {
  // the pointer rests where it last clicked: move it off, so that axe reads colours at rest, not hovered
  await page.mouse.move(640, 700);
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`);
}

/** A day in the demo clinic's zone, `yyyy-MM-dd` (the clinic is in Paris, whatever the machine's zone). */
const parisDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at);

test.describe('staff actions', () => {
  test('front-desk staff schedule an SMS for tomorrow 10:00 to a patient found by search', async ({
    page,
    request,
  }) => {
    const api = await signedInApi(request, demoStaff);
    // quiet hours or a no-send day would move tomorrow 10:00 when the suite runs on a Saturday
    await withSettings(await signedInApi(request), sendAtAnyHour, () => sendLater(page, api));
  });

  test('front-desk staff say Dr Martin is running late and see how many patients are told', async ({
    page,
  }) => {
    await logIn(page, demoStaff);
    const practitioners = new PractitionersPage(page);
    await practitioners.open();
    expect(await violations(page)).toEqual([]);
    const dialog = await practitioners.openLate('Dr Martin');
    expect(await violations(page)).toEqual([]);
    await practitioners.declareLate(dialog, 25);
    const told = practitioners.status.filter({ hasText: 'Dr Martin is running late' });
    // the demo's "Practitioner late or absent" flow is enabled: the answer counts the appointments it reached
    await expect(told).toContainText(/\d+ appointments reached: their patients are told\./);
    await page.screenshot({ path: path.join(artifacts, 'practitioner-late.png'), fullPage: true });
  });
});

async function sendLater(page: Page, api: ApiCall) {
  // the last patient of the directory (sorted by name): not among the first patients the picker shows
  const { total } = await api<{ total: number }>('GET', '/api/patients?pageSize=1');
  const {
    items: [last],
  } = await api<{ items: { firstName: string; lastName: string }[] }>(
    'GET',
    `/api/patients?pageSize=1&page=${total}`,
  );
  expect(total).toBeGreaterThan(20);
  const name = `${last.firstName} ${last.lastName}`;

  await logIn(page, demoStaff);
  const send = new SendPage(page);
  await send.open();
  await send.patient.click();
  await expect(page.getByText(`The first 20 of ${total} patients: type more to narrow down`)).toBeVisible();
  // the API searches, once typing pauses
  const searched = page.waitForRequest((r) => /\/api\/patients\?.*q=/.test(r.url()));
  await send.pickPatient(last.lastName, name);
  expect(new URL((await searched).url()).searchParams.get('q')).toBe(last.lastName);
  await send.text.fill('Bonjour {{patient.firstName}}, pensez à votre carte Vitale.');
  const tomorrow = parisDay(new Date(Date.now() + 86_400_000));
  await send.later(`${tomorrow}T10:00`);
  await send.schedule();
  const [year, month, day] = tomorrow.split('-');
  await expect(send.status.filter({ hasText: 'Message to' })).toContainText(
    `Message to ${name} planned for ${day}/${month}/${year}, 10:00`,
  );
  await page.screenshot({ path: path.join(artifacts, 'send-later.png'), fullPage: true });
}
