import { expect, test } from '@playwright/test';
import path from 'node:path';

export const artifacts = path.resolve(__dirname, '../../../artifacts');

test.describe('home page', () => {
  test('should show the database is up and the navigation', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('database-status')).toHaveText('database: up');
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    for (const name of ['Flows', 'Report', 'Settings']) {
      await expect(navigation.getByRole('link', { name })).toBeVisible();
    }
    await page.screenshot({ path: path.join(artifacts, 'home.png'), fullPage: true });
  });

  test('should serve the editor for a client route and keep /api for the API', async ({ page, request }) => {
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
