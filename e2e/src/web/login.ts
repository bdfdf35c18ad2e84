import { expect, type Page } from '@playwright/test';
import path from 'node:path';

/** Where the specs save their screenshots (e2e/artifacts). */
export const artifacts = path.resolve(__dirname, '../../artifacts');

/** The demo clinic's logins that `npm start` prints (apps/api demo seed). */
export const demoManager = { email: 'manager@demo.clinicflow.test', password: 'clinicflow-demo-manager' };
export const demoStaff = { email: 'accueil@demo.clinicflow.test', password: 'clinicflow-demo-staff' };

/** Signs in through the login page and waits for the navigation of the signed-in app. */
export async function logIn(page: Page, who: { email: string; password: string } = demoManager) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(who.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}
