import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { storeToken } from '../../api/session';
import { fakeApi } from '../../test/fakeApi';
import { renderRoutes } from '../../test/renderRoutes';

const health = [200, { status: 'ok', info: { database: { status: 'up' } } }] as [number, unknown];
const manager = { kind: 'user', clinicId: 'c1', email: 'manager@demo.clinicflow.test', role: 'manager' };
const staff = { kind: 'user', clinicId: 'c1', email: 'accueil@demo.clinicflow.test', role: 'staff' };
const navigation = (name = 'Main navigation') => screen.findByRole('navigation', { name });

describe('login and role-aware navigation', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it('sends a visitor without a session to the login page, then back to the page asked for', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /health': health,
      'POST /auth/login': (body) =>
        (body as { password: string }).password === 'right'
          ? [200, { accessToken: 'token-1' }]
          : [401, { statusCode: 401, message: 'Wrong e-mail or password' }],
      'GET /auth/me': [200, manager],
      'GET /flows': [200, []],
    });
    const router = renderRoutes('/flows');
    expect(await screen.findByRole('heading', { name: 'Sign in to clinicflow' })).toBeInTheDocument();

    await user.type(screen.getByLabelText(/E-mail/), 'manager@demo.clinicflow.test');
    await user.type(screen.getByLabelText(/Password/), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong e-mail or password.');

    await user.clear(screen.getByLabelText(/Password/));
    await user.type(screen.getByLabelText(/Password/), 'right');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Flows' })).toBeInTheDocument();
    expect(router.location.pathname).toBe('/flows');
    expect(sessionStorage.getItem('clinicflow.session.token')).toBe('token-1');
    expect(api.calls('GET', '/flows')[0].authorization).toBe('Bearer token-1');
    const links = within(await navigation())
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(links).toEqual([
      'Flows',
      'Templates',
      'Report',
      'Runs',
      'Inbox',
      'Batch send',
      'Practitioners',
      'Patients',
      'Settings',
      'Team',
      'Activity',
    ]);
  });

  it('shows front-desk staff the report and one-off send only, and no flow screens', async () => {
    fakeApi({ 'GET /health': health, 'GET /auth/me': [200, staff] });
    storeToken('staff-token', false);
    renderRoutes('/flows');
    const links = within(await navigation())
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(links).toEqual(['Report', 'Inbox', 'Send a message', 'Batch send', 'Practitioners']);
    expect(await screen.findByRole('alert')).toHaveTextContent('Only the clinic’s managers');
    expect(screen.queryByRole('button', { name: 'Publish' })).not.toBeInTheDocument();
  });

  it('goes back to the login page with a message when the API refuses the token', async () => {
    fakeApi({
      'GET /health': health,
      'GET /auth/me': [200, manager],
      'GET /flows': [401, { statusCode: 401, message: 'Unauthorized' }],
    });
    storeToken('old-token', true);
    renderRoutes('/flows');
    expect(await screen.findByText('Your session has expired. Please sign in again.')).toBeInTheDocument();
    expect(localStorage.getItem('clinicflow.session.token')).toBeNull();
  });

  it('signs out', async () => {
    const user = userEvent.setup();
    fakeApi({ 'GET /health': health, 'GET /auth/me': [200, manager], 'GET /flows': [200, []] });
    storeToken('token-2', false);
    renderRoutes('/flows');
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to clinicflow' })).toBeInTheDocument();
    await waitFor(() => expect(sessionStorage.getItem('clinicflow.session.token')).toBeNull());
  });

  it('lands the next user on their own home page after a sign-out, never on the page the last one left', async () => {
    const user = userEvent.setup();
    let me = manager;
    fakeApi({
      'GET /health': health,
      'GET /auth/me': () => [200, me],
      'POST /auth/login': [200, { accessToken: 'staff-token' }],
      'GET /flows': [200, []],
      'GET /settings': [200, { timeZone: 'Europe/Paris', country: 'FR' }],
      'GET /deliveries*': [
        200,
        { items: [], total: 0, page: 1, pageSize: 50, totals: { byStatus: {}, byChannel: {} } },
      ],
    });
    storeToken('manager-token', false);
    const router = renderRoutes('/flows');
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    await screen.findByRole('heading', { name: 'Sign in to clinicflow' });
    me = staff;
    await user.type(screen.getByLabelText(/E-mail/), 'accueil@demo.clinicflow.test');
    await user.type(screen.getByLabelText(/Password/), 'right');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(router.location.pathname).toBe('/report'));
    expect(screen.queryByText(/Only the clinic’s managers/)).not.toBeInTheDocument();
  });

  it('switches the interface to French, on the login page and after, and keeps the choice', async () => {
    const user = userEvent.setup();
    fakeApi({
      'GET /health': health,
      'POST /auth/login': [200, { accessToken: 'token-1' }],
      'GET /auth/me': [200, manager],
      'GET /flows': [200, []],
    });
    renderRoutes('/flows');
    await screen.findByRole('heading', { name: 'Sign in to clinicflow' });
    await user.click(screen.getByRole('radio', { name: 'Français' }));

    expect(await screen.findByRole('heading', { name: 'Connexion à clinicflow' })).toBeInTheDocument();
    expect(localStorage.getItem('clinicflow.language')).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
    await user.type(screen.getByLabelText(/E-mail/), 'manager@demo.clinicflow.test');
    await user.type(screen.getByLabelText(/Mot de passe/), 'right');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    // the navigation's own name is French too
    expect(
      within(await navigation('Navigation principale')).getByRole('link', { name: 'Scénarios' }),
    ).toBeInTheDocument();
  });
});
