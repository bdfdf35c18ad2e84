import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { storeToken } from '../../api/session';
import { fakeApi } from '../../test/fakeApi';
import { renderRoutes } from '../../test/renderRoutes';

const health = [200, { status: 'ok', info: { database: { status: 'up' } } }] as [number, unknown];
const me = { kind: 'user', clinicId: 'c1', userId: 'u1', email: 'camille@cabinet.test', role: 'manager' };
const entry = {
  id: 'e1',
  at: '2026-03-02T08:00:00.000Z',
  action: 'export.deliveries',
  actor: { kind: 'user', id: 'u1', label: 'camille@cabinet.test' },
  target: null,
  details: { rows: 12, format: 'csv', filters: ['q', 'channel=sms'] },
  address: '192.0.2.10',
  userAgent: 'Mozilla/5.0',
};

describe('the activity page', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    storeToken('manager-token', false);
  });

  it('lists who did what in words, and filters by act', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /health': health,
      'GET /auth/me': [200, me],
      'GET /settings': [200, { timeZone: 'Europe/Paris', country: 'FR' }],
      'GET /users': [200, []],
      'GET /audit*': [200, { items: [entry], total: 1, page: 1, pageSize: 50 }],
    });
    renderRoutes('/activity');
    const table = await screen.findByTestId('activity');
    const row = within(table).getAllByRole('row')[1];
    expect(row).toHaveTextContent('camille@cabinet.test');
    expect(row).toHaveTextContent('Report exported');
    expect(row).toHaveTextContent('rows: 12');
    expect(row).toHaveTextContent(/02\/03\/2026,? 09:00/); // the clinic's time (Paris), not UTC

    await user.click(screen.getAllByLabelText(/^What/).find((e) => e.tagName === 'INPUT')!);
    await user.click(await screen.findByRole('option', { name: 'User invited', hidden: true }));
    await waitFor(() =>
      expect(
        api.requests.some((r) => r.path.startsWith('/audit?') && r.path.includes('action=user.invited')),
      ).toBe(true),
    );
  });
});
