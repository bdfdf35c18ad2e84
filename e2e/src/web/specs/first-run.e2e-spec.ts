import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { artifacts } from '../login';
import { runClinicCommand, startOwnProduct, type OwnProduct } from '../own-product';

/**
 * Issue 16's acceptance: on an empty installation (`SEED_DEMO=false npm start`, a product of this spec's own, on
 * its own port and data directory), a new user sets up a clinic in the browser, invites a colleague, and both
 * sign in; the setup page answers "already set up" afterwards; the operator's `npm run clinic -- create` on the
 * running system prints a link with which that clinic's manager signs in. Screenshots of each page go to
 * e2e/artifacts/first-run-*.png.
 */
const port = Number(process.env.E2E_FIRST_RUN_PORT ?? 3927);
const manager = {
  name: 'Camille Martin',
  email: 'camille@cabinet-du-parc.test',
  password: 'a long first passphrase',
};
const colleague = {
  name: 'Léa Bernard',
  email: 'lea@cabinet-du-parc.test',
  password: 'léa chose her own words',
};

let product: OwnProduct;
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(artifacts, `first-run-${name}.png`), fullPage: true });

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(360_000);
  product = await startOwnProduct(port);
});
test.afterAll(async () => {
  await product?.stop();
});

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto(`${product.baseURL}/login`);
  await page.getByRole('textbox', { name: 'E-mail' }).fill(who.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to clinicflow' })).toBeVisible();
}

test('a new user sets up the clinic, invites a colleague, and both sign in', async ({ browser }) => {
  const page = await browser.newPage();
  await page.goto(`${product.baseURL}/`);
  // no clinic yet: the login page leads to the setup page
  await expect(page.getByRole('heading', { name: 'Set up clinicflow' })).toBeVisible();
  await expect(page).toHaveURL(/\/setup$/);
  await shot(page, 'setup');

  await page.getByRole('textbox', { name: 'Clinic name' }).fill('Cabinet du Parc');
  const zone = page.getByRole('combobox', { name: 'Time zone' });
  await zone.click();
  await zone.fill('Paris');
  await page.getByRole('option', { name: 'Europe/Paris' }).click();
  await page.getByRole('textbox', { name: 'Your name' }).fill(manager.name);
  await page.getByRole('textbox', { name: 'E-mail' }).fill(manager.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(manager.password);
  await shot(page, 'setup-filled');
  await page.getByRole('button', { name: 'Create the clinic' }).click();

  // the manager lands on the flows page, the starters there as drafts
  await expect(page.getByRole('heading', { name: 'Flows' })).toBeVisible();
  await expect(page).toHaveURL(/\/flows$/);
  await expect(page.getByTestId('signed-in-user')).toContainText(manager.email.toLowerCase());
  await shot(page, 'flows');

  // the setup page is refused from now on
  const state = await page.request.get(`${product.baseURL}/api/setup`);
  expect(await state.json()).toEqual({ needed: false });
  await page.goto(`${product.baseURL}/setup`);
  await expect(page.getByRole('heading', { name: 'This installation is already set up.' })).toBeVisible();
  await shot(page, 'already-set-up');

  // the team page: invite a colleague (test mode: the link is shown to hand over)
  await page.goto(`${product.baseURL}/team`);
  await expect(page.getByRole('heading', { name: 'Team' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Name' }).fill(colleague.name);
  await page.getByRole('textbox', { name: 'E-mail' }).fill(colleague.email);
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  const link = (await page.getByTestId('test-mode-link').textContent())!.trim();
  expect(link).toMatch(/\/set-password#[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId('team')).toContainText('invited');
  await shot(page, 'team-invited');

  // the colleague opens the link in a browser of their own, chooses a password, and is signed in
  const other = await browser.newContext();
  const theirs = await other.newPage();
  await theirs.goto(link.replace(/^http:\/\/localhost:\d+/, product.baseURL));
  await expect(theirs.getByRole('heading', { name: 'Welcome to Cabinet du Parc' })).toBeVisible();
  await shot(theirs, 'set-password');
  await theirs.getByRole('textbox', { name: 'New password' }).fill(colleague.password);
  await theirs.getByRole('textbox', { name: 'The same password again' }).fill(colleague.password);
  await theirs.getByRole('button', { name: 'Save the password and sign in' }).click();
  await expect(theirs.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await expect(theirs.getByTestId('signed-in-user')).toContainText(colleague.email);
  await shot(theirs, 'colleague-signed-in');

  // both sign in with their e-mail and password
  await signOut(theirs);
  await signIn(theirs, colleague);
  await signOut(page);
  await signIn(page, manager);
  await page.goto(`${product.baseURL}/team`);
  await expect(page.getByTestId('team')).toContainText('active');
  await shot(page, 'team-active');

  // the link worked once
  await theirs.goto(link.replace(/^http:\/\/localhost:\d+/, product.baseURL));
  await expect(theirs.getByRole('heading', { name: 'This link was already used' })).toBeVisible();
  await shot(theirs, 'link-used');

  // and the activity page tells who did what
  await page.goto(`${product.baseURL}/activity`);
  await expect(page.getByTestId('activity')).toContainText('User invited');
  await expect(page.getByTestId('activity')).toContainText('Invitation accepted');
  await shot(page, 'activity');
  await other.close();
  await page.close();
});

test('the operator’s command creates a clinic on the running system, and its manager signs in with the printed link', async ({
  page,
}) => {
  const created = await runClinicCommand(product, [
    'create',
    '--name',
    'Centre Opéra',
    '--time-zone',
    'Europe/Paris',
    '--manager-email',
    'lead@centre-opera.test',
  ]);
  expect(created.code, created.output).toBe(0);
  const link = /(http\S+\/set-password#[A-Za-z0-9_-]+)/.exec(created.output)?.[1];
  expect(link, created.output).toBeDefined();
  expect(link).toContain(`localhost:${product.port}/set-password#`);

  const listed = await runClinicCommand(product, ['list']);
  expect(listed.output).toContain('Centre Opéra');
  expect(listed.output).toContain('Cabinet du Parc');

  await page.goto(link!.replace(/^http:\/\/localhost:\d+/, product.baseURL));
  await expect(page.getByRole('heading', { name: 'Welcome to Centre Opéra' })).toBeVisible();
  await page.getByRole('textbox', { name: 'New password' }).fill('the lead’s own passphrase');
  await page.getByRole('textbox', { name: 'The same password again' }).fill('the lead’s own passphrase');
  await page.getByRole('button', { name: 'Save the password and sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Flows' })).toBeVisible();
  await shot(page, 'operator-clinic-flows');
  await signOut(page);
  await signIn(page, { email: 'lead@centre-opera.test', password: 'the lead’s own passphrase' });

  const refused = await runClinicCommand(product, ['create', '--name', 'X']);
  expect(refused.code).toBe(2);
  expect(refused.output).toContain('--time-zone');
});
