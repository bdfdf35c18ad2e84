import { expect, test } from '@playwright/test';
import path from 'node:path';
import { postSandboxCallback } from '../api';
import { artifacts, demoStaff, logIn } from '../login';

test.describe('replies inbox', () => {
  test('a reply the engine cannot act on waits unread; opening it marks it read and the count drops', async ({
    page,
    request,
  }) => {
    const login = await request.post('/api/auth/login', { data: demoStaff });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const headers = { Authorization: `Bearer ${accessToken}` };
    const me = (await (await request.get('/api/auth/me', { headers })).json()) as { clinicId: string };
    const patients = (await (await request.get('/api/patients?pageSize=50', { headers })).json()) as {
      items: { firstName: string; lastName: string; mobile: string | null }[];
    };
    const patient = patients.items.find((p) => p.mobile)!;
    // what the sandbox provider posts when a patient texts the clinic
    const text = `Je serai en retard de 10 minutes (${Date.now()})`;
    const inbound = await postSandboxCallback(request, me.clinicId, 'inbound', {
      from: patient.mobile,
      to: '+33145678900',
      text,
    });
    expect(inbound.ok(), await inbound.text()).toBe(true);

    await logIn(page, demoStaff);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    const badge = nav.getByTestId('inbox-unread');
    await expect(badge).toHaveText(/^\d+$/);
    const unread = Number(await badge.textContent());
    expect(unread).toBeGreaterThanOrEqual(1);
    // its name is what it shows, then what the number means (WCAG 2.5.3)
    const link = nav.getByRole('link', { name: new RegExp(`^Inbox\\s*${unread}\\s*unread$`) });
    await link.click();
    const item = page.getByTestId('inbox-item').filter({ hasText: text });
    await expect(item).toHaveAttribute('data-read', 'false');
    await expect(item).toContainText(`${patient.firstName} ${patient.lastName}`);
    await page.screenshot({ path: path.join(artifacts, 'inbox.png'), fullPage: true });

    await item.getByRole('button', { name: /^Open the reply from / }).click();
    await expect(item).toHaveAttribute('data-read', 'true');
    if (unread === 1) await expect(badge).toHaveCount(0);
    else await expect(badge).toHaveText(String(unread - 1));
    await expect(page.getByTestId('inbox-page-unread')).toHaveText(`${unread - 1} unread`);

    await item.getByRole('button', { name: 'Follow up' }).click();
    await expect(item.getByRole('button', { name: 'Follow up' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('checkbox', { name: 'Follow-up only' }).check();
    await expect(page.getByTestId('inbox-item').filter({ hasText: text })).toBeVisible();
    await page.screenshot({ path: path.join(artifacts, 'inbox-read.png'), fullPage: true });
  });
});
