import { expect, test, type Page } from '@playwright/test';

// The production build's language chunks (apps/editor/src/i18n/en, i18n/fr): assets/en-<hash>.js, fr-<hash>.js.
const chunkOf = (url: string) => /\/assets\/(en|fr)-[\w-]+\.js$/.exec(url)?.[1];

/** The language chunks the page downloads, in order. */
function languageChunks(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const language = chunkOf(request.url());
    if (language) seen.push(language);
  });
  return seen;
}

test.describe('interface language', () => {
  test('should download only the language shown, the other one when the user switches, and keep the choice', async ({
    page,
  }) => {
    const chunks = languageChunks(page);
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Sign in to clinicflow' })).toBeVisible();
    expect(chunks).toEqual(['en']);

    await page.getByText('Français', { exact: true }).click(); // the radio itself is visually hidden
    await expect(page.getByRole('heading', { name: 'Connexion à clinicflow' })).toBeVisible();
    expect(chunks).toEqual(['en', 'fr']);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

    chunks.length = 0;
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Connexion à clinicflow' })).toBeVisible();
    expect(chunks).toEqual(['fr']);
  });

  test('should stay in English and say why when French cannot be downloaded', async ({ page }) => {
    await page.route(/\/assets\/fr-[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
    await page.goto('/login');
    await page.getByText('Français', { exact: true }).click(); // the radio itself is visually hidden

    await expect(
      page.getByText(/^The interface could not switch to French \(.+\)\. Check the connection/),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Sign in to clinicflow' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
  });

  test('should explain a start without the interface’s texts rather than show a blank page', async ({
    page,
  }) => {
    await page.addInitScript(() => localStorage.setItem('clinicflow.language', 'fr'));
    await page.route(/\/assets\/fr-[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
    await page.goto('/login');

    const alert = page.getByRole('alert');
    await expect(alert).toContainText('clinicflow n’a pas pu démarrer');
    await expect(alert).toContainText('Vérifiez la connexion, puis rechargez la page.');
    await expect(alert.getByRole('button', { name: 'Recharger la page' })).toBeVisible();
  });
});
