import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { storeToken } from '../../api/session';
import { fakeApi } from '../../test/fakeApi';
import { renderRoutes } from '../../test/renderRoutes';

const health = [200, { status: 'ok', info: { database: { status: 'up' } } }] as [number, unknown];
const me = { kind: 'user', clinicId: 'c1', userId: 'u2', email: 'lea@cabinet.test', role: 'staff' };

describe('my account', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it('changes the password and keeps this session with the new token', async () => {
    const user = userEvent.setup();
    storeToken('old-token', true);
    const api = fakeApi({
      'GET /health': health,
      'GET /auth/me': [200, me],
      'POST /account/password': [200, { accessToken: 'new-token' }],
    });
    renderRoutes('/account');
    await user.type(await screen.findByLabelText(/^Current password/), 'my old passphrase');
    await user.type(screen.getByLabelText(/^New password/), 'my new passphrase');
    await user.type(screen.getByLabelText(/^The same password again/), 'my new passphrase');
    await user.click(screen.getByRole('button', { name: 'Change the password' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Your other sessions have ended');
    expect(localStorage.getItem('clinicflow.session.token')).toBe('new-token');
    expect(api.calls('POST', '/account/password')[0]).toMatchObject({
      body: { currentPassword: 'my old passphrase', newPassword: 'my new passphrase' },
      authorization: 'Bearer old-token',
    });
  });

  it('shows a wrong current password under its field', async () => {
    const user = userEvent.setup();
    storeToken('a-token', false);
    fakeApi({
      'GET /health': health,
      'GET /auth/me': [200, me],
      'POST /account/password': [
        400,
        {
          statusCode: 400,
          message: 'Wrong current password',
          errors: [{ path: 'body.currentPassword', message: 'is not your current password' }],
        },
      ],
    });
    renderRoutes('/account');
    await user.type(await screen.findByLabelText(/^Current password/), 'not it at all');
    await user.type(screen.getByLabelText(/^New password/), 'my new passphrase');
    await user.type(screen.getByLabelText(/^The same password again/), 'my new passphrase');
    await user.click(screen.getByRole('button', { name: 'Change the password' }));
    expect(await screen.findByText('is not your current password')).toBeInTheDocument();
    expect(sessionStorage.getItem('clinicflow.session.token')).toBe('a-token');
  });

  it('signs out everywhere, back to the login page', async () => {
    const user = userEvent.setup();
    storeToken('a-token', false);
    fakeApi({
      'GET /health': health,
      'GET /auth/me': [200, me],
      'POST /account/sign-out-everywhere': [200, { signedOut: true }],
    });
    renderRoutes('/account');
    await user.click(await screen.findByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to clinicflow' })).toBeInTheDocument();
    expect(sessionStorage.getItem('clinicflow.session.token')).toBeNull();
  });
});
