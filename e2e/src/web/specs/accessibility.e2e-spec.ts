import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { logIn } from '../login';
import { SimulationPanel } from '../pages/simulation-panel';

/** The WCAG 2.1 A and AA rules axe checks: contrast, names of controls, labels, landmarks, ARIA use. */
async function violations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    where: violation.nodes
      .slice(0, 3)
      .map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
  }));
}

test.describe('accessibility (axe, WCAG 2.1 AA)', () => {
  test('the login page', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  for (const screen of [
    { path: '/flows', ready: 'New flow' },
    { path: '/flows/new', ready: 'Empty flow' },
    { path: '/templates', ready: 'New template' },
    { path: '/settings', ready: null },
    { path: '/report', ready: null },
    { path: '/inbox', ready: null },
    { path: '/send', ready: null },
    { path: '/batch-send', ready: null },
    { path: '/practitioners', ready: null },
    { path: '/runs', ready: null },
    { path: '/team', ready: null },
    { path: '/activity', ready: null },
    { path: '/account', ready: null },
    { path: '/report/print', ready: null },
  ]) {
    test(`the screen ${screen.path}`, async ({ page }) => {
      await logIn(page);
      await page.goto(screen.path);
      if (screen.ready) await expect(page.getByText(screen.ready).first()).toBeVisible();
      else await page.waitForLoadState('networkidle');
      expect(await violations(page)).toEqual([]);
    });
  }

  test('a flow on the canvas with its inspector open', async ({ page }) => {
    await logIn(page);
    await page.goto('/flows/new');
    await page.getByRole('button', { name: 'Reminders with confirmation request' }).click();
    await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}$/);
    await page
      .getByRole('group', { name: /^Wait until/ })
      .first()
      .click();
    await expect(page.getByRole('region', { name: 'Step settings' })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test('a simulation with its timeline and a scripted reply', async ({ page }) => {
    await logIn(page);
    await page.goto('/flows/new');
    await page.getByRole('button', { name: 'Reminders with confirmation request' }).click();
    await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}$/);
    const simulation = new SimulationPanel(page);
    await simulation.open();
    await simulation.when('2026-05-02', '09:00', '2026-05-14');
    await simulation.field('Appointment day').fill('2026-05-12');
    await simulation.field('Appointment time').fill('10:00');
    await simulation.reply('C', '2026-05-11', '18:05');
    await simulation.run();
    await expect(simulation.rows.first()).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test('the pages one opens without an account: forgot password, set password, setup', async ({ page }) => {
    for (const path of ['/forgot-password', '/set-password?token=unknown', '/setup']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(await violations(page), path).toEqual([]);
    }
  });
});
