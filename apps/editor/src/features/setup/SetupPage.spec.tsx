import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../test/fakeApi';
import { renderRoutes } from '../../test/renderRoutes';

const health = [200, { status: 'ok', info: { database: { status: 'up' } } }] as [number, unknown];
const manager = { kind: 'user', clinicId: 'c1', email: 'camille@cabinet.test', role: 'manager' };

describe('the first run', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it('leads from the login page of an empty installation to the setup page, then signs the manager in on the flows', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /health': health,
      'GET /setup': [200, { needed: true }],
      'POST /setup': [201, { clinicId: 'c1', accessToken: 'first-token' }],
      'GET /auth/me': [200, manager],
      'GET /flows': [200, []],
    });
    const router = renderRoutes('/flows');
    expect(await screen.findByRole('heading', { name: 'Set up clinicflow' })).toBeInTheDocument();
    expect(router.location.pathname).toBe('/setup');
    expect(screen.getAllByLabelText(/^Time zone/).find((e) => e.tagName === 'INPUT')).toHaveValue(
      Intl.DateTimeFormat().resolvedOptions().timeZone,
    );

    await user.type(screen.getByRole('textbox', { name: /Clinic name/ }), 'Cabinet du Parc');
    await user.type(screen.getByRole('textbox', { name: /Your name/ }), 'Camille Martin');
    await user.type(screen.getByRole('textbox', { name: /E-mail/ }), 'camille@cabinet.test');
    await user.type(screen.getByLabelText(/^Password/), 'a long first passphrase');
    await user.click(screen.getByRole('button', { name: 'Create the clinic' }));

    expect(await screen.findByRole('heading', { name: 'Flows' })).toBeInTheDocument();
    expect(router.location.pathname).toBe('/flows');
    expect(sessionStorage.getItem('clinicflow.session.token')).toBe('first-token');
    expect(api.calls('POST', '/setup')[0].body).toMatchObject({
      clinic: { name: 'Cabinet du Parc', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone },
      manager: { name: 'Camille Martin', email: 'camille@cabinet.test', password: 'a long first passphrase' },
    });
  });

  it('shows the API’s problem under its field', async () => {
    const user = userEvent.setup();
    fakeApi({
      'GET /setup': [200, { needed: true }],
      'POST /setup': [
        400,
        {
          statusCode: 400,
          message: 'Invalid request',
          errors: [{ path: 'body.manager.password', message: 'too common' }],
        },
      ],
    });
    renderRoutes('/setup');
    await user.type(await screen.findByRole('textbox', { name: /Clinic name/ }), 'X');
    await user.type(screen.getByRole('textbox', { name: /Your name/ }), 'Y');
    await user.type(screen.getByRole('textbox', { name: /E-mail/ }), 'y@x.test');
    await user.type(screen.getByLabelText(/^Password/), 'qwerty123456');
    await user.click(screen.getByRole('button', { name: 'Create the clinic' }));
    expect(await screen.findByText('too common')).toBeInTheDocument();
  });

  it('says "already set up" once a clinic exists', async () => {
    fakeApi({ 'GET /setup': [200, { needed: false }] });
    renderRoutes('/setup');
    expect(
      await screen.findByRole('heading', { name: 'This installation is already set up.' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the sign-in page' })).toHaveAttribute('href', '/login');
    expect(screen.queryByRole('button', { name: 'Create the clinic' })).not.toBeInTheDocument();
  });
});
