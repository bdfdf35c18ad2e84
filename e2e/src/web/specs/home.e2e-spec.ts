import { expect, test } from '@playwright/test';
import path from 'node:path';
import { artifacts, logIn } from '../login';

test.describe('home page', () => {
  test('should ask for a login, then show the database is up and the manager’s navigation', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Sign in to clinicflow' })).toBeVisible();
    await logIn(page);
    await expect(page.getByTestId('database-status')).toHaveText('database: up');
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    for (const name of ['Flows', 'Templates', 'Report', 'Settings']) {
      await expect(navigation.getByRole('link', { name })).toBeVisible();
    }
    await page.screenshot({ path: path.join(artifacts, 'home.png'), fullPage: true });
  });

  test('should serve the editor for a client route and keep /api for the API', async ({ page, request }) => {
    await logIn(page);
    await page.goto('/report');
    await expect(page.getByRole('heading', { name: 'Message summary' })).toBeVisible();
    const unknown = await request.get('/api/no-such-endpoint');
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toMatchObject({ statusCode: 404 });
  });

  test('should publish the OpenAPI document', async ({ request }) => {
    const response = await request.get('/api/docs-json');
    expect(response.ok()).toBe(true);
    expect((await response.json()).paths).toHaveProperty('/api/health');
  });
});
