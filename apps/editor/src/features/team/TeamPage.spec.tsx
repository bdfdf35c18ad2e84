import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { storeToken } from '../../api/session';
import { fakeApi } from '../../test/fakeApi';
import { renderRoutes } from '../../test/renderRoutes';

const health = [200, { status: 'ok', info: { database: { status: 'up' } } }] as [number, unknown];
const me = { kind: 'user', clinicId: 'c1', userId: 'u1', email: 'camille@cabinet.test', role: 'manager' };
const users = [
  {
    id: 'u1',
    email: 'camille@cabinet.test',
    name: 'Camille',
    role: 'manager',
    status: 'active',
    createdAt: '2026-03-01T08:00:00Z',
    lastLoginAt: '2026-03-02T08:00:00Z',
  },
  {
    id: 'u2',
    email: 'lea@cabinet.test',
    name: 'Léa',
    role: 'staff',
    status: 'active',
    createdAt: '2026-03-01T08:00:00Z',
    lastLoginAt: null,
  },
];

describe('the team page', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    storeToken('manager-token', false);
  });

  it('invites a colleague and, in test mode, shows the link to hand over', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /health': health,
      'GET /auth/me': [200, me],
      'GET /settings': [200, { timeZone: 'Europe/Paris', country: 'FR' }],
      'GET /users': [200, users],
      'POST /users/invitations': (body) => [
        201,
        {
          user: {
            id: 'u3',
            ...(body as object),
            status: 'invited',
            createdAt: '2026-03-02T09:00:00Z',
            lastLoginAt: null,
          },
          testModeLink: 'http://localhost:3000/set-password#tok',
        },
      ],
    });
    renderRoutes('/team');
    const table = await screen.findByTestId('team');
    expect(within(table).getByText('never')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Paul');
    await user.type(screen.getByRole('textbox', { name: /^E-mail/ }), 'paul@cabinet.test');
    await user.click(screen.getByRole('button', { name: 'Send the invitation' }));
    expect(await screen.findByTestId('test-mode-link')).toHaveTextContent(
      'http://localhost:3000/set-password#tok',
    );
    expect(api.calls('POST', '/users/invitations')[0].body).toEqual({
      name: 'Paul',
      email: 'paul@cabinet.test',
      role: 'staff',
    });
  });

  it('disables a colleague, and offers no disable on the manager’s own row', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /health': health,
      'GET /auth/me': [200, me],
      'GET /settings': [200, { timeZone: 'Europe/Paris', country: 'FR' }],
      'GET /users': [200, users],
      'POST /users/u2/disable': [200, { ...users[1], status: 'disabled' }],
    });
    renderRoutes('/team');
    const own = await screen.findByRole('group', { name: 'Actions for Camille' });
    expect(within(own).queryByRole('button', { name: 'Disable' })).not.toBeInTheDocument();
    const lea = screen.getByRole('group', { name: 'Actions for Léa' });
    await user.click(within(lea).getByRole('button', { name: 'Disable' }));
    expect(api.calls('POST', '/users/u2/disable')).toHaveLength(1);
  });
});
