import { expect, test } from '@playwright/test';
import path from 'node:path';
import { artifacts, logIn } from '../login';

/** Issue 15, item 10: national holidays offered per country in the quiet-hours settings (date-holidays). */
test('the quiet-hours settings offer the public holidays of the clinic’s country and add the ticked ones', async ({
  page,
}) => {
  await logIn(page);
  await page.goto('/settings');
  await page.getByRole('tab', { name: 'Quiet hours' }).click();
  const national = page.getByRole('region', { name: 'National holidays' });
  await expect(national.getByRole('combobox', { name: 'Country' })).toHaveValue('France');
  const year = new Date().getFullYear();
  const days = national.getByRole('group', { name: `Public holidays of ${year}` }).getByRole('checkbox');
  await expect(days).toHaveCount(11);
  await expect(national.getByLabel(/July 14 — Bastille Day$/)).toBeChecked();
  await national.getByLabel(/— Whit Monday$/).uncheck();
  const holidays = page.getByRole('list', { name: 'Holidays' });
  const before = await holidays.getByRole('listitem').count();
  const add = national.getByRole('button', { name: /^Add \d+ holiday\(s\)$/ });
  const count = Number((await add.textContent())?.match(/\d+/)?.[0]);
  expect(count).toBeGreaterThan(0);
  await add.click();
  await expect(holidays.getByRole('listitem')).toHaveCount(before + count);
  await expect(holidays).toContainText(new RegExp(`14 July ${year}|July 14, ${year}`));
  await national.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'settings-national-holidays.png'), fullPage: true });
  // nothing saved: the demo clinic keeps its holidays for the other specs
});
