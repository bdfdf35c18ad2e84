import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../test/fakeApi';
import { renderRoutes } from '../../test/renderRoutes';

const health = [200, { status: 'ok', info: { database: { status: 'up' } } }] as [number, unknown];
const link = {
  purpose: 'invitation',
  email: 'colleague@cabinet.test',
  name: 'Colleague',
  clinicName: 'Cabinet du Parc',
  expiresAt: '2026-03-05T08:00:00.000Z',
};

describe('the set-password page', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it('sets the password with the link’s token, read from the address’s fragment, and signs in', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /health': health,
      'POST /auth/links/check': [200, link],
      'POST /auth/set-password': [200, { accessToken: 'new-token' }],
      'GET /auth/me': [200, { kind: 'user', clinicId: 'c1', email: link.email, role: 'staff' }],
      'GET /deliveries*': [200, { items: [], total: 0, totals: { byStatus: {}, byChannel: {} } }],
    });
    renderRoutes('/set-password#tok_abcdefghijklmnopqrstuvwxyz');
    expect(await screen.findByRole('heading', { name: 'Welcome to Cabinet du Parc' })).toBeInTheDocument();
    await user.type(screen.getByLabelText(/^New password/), 'my own passphrase');
    await user.type(screen.getByLabelText(/^The same password again/), 'my own passphrase');
    await user.click(screen.getByRole('button', { name: 'Save the password and sign in' }));
    await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(api.calls('POST', '/auth/set-password')[0].body).toEqual({
      token: 'tok_abcdefghijklmnopqrstuvwxyz',
      password: 'my own passphrase',
    });
    expect(sessionStorage.getItem('clinicflow.session.token')).toBe('new-token');
  });

  it.each([
    [410, 'This link has expired'],
    [409, 'This link was already used'],
    [404, 'This link is not valid'],
  ])('says clearly what is wrong with the link (%s)', async (status, title) => {
    fakeApi({ 'POST /auth/links/check': [status, { statusCode: status, message: 'x', errors: [] }] });
    renderRoutes('/set-password#tok_abcdefghijklmnopqrstuvwxyz');
    expect(await screen.findByRole('heading', { name: title })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
    expect(screen.queryByLabelText(/^New password/)).not.toBeInTheDocument();
  });

  it('refuses two different passwords before asking the API', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ 'POST /auth/links/check': [200, link] });
    renderRoutes('/set-password#tok_abcdefghijklmnopqrstuvwxyz');
    await user.type(await screen.findByLabelText(/^New password/), 'my own passphrase');
    await user.type(screen.getByLabelText(/^The same password again/), 'my own passphrasf');
    expect(screen.getByText('The two passwords differ.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save the password and sign in' })).toBeDisabled();
    expect(api.calls('POST', '/auth/set-password')).toHaveLength(0);
  });
});

describe('the login page', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it('asks which clinic when the e-mail has an account in several, then signs in to the one chosen', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /health': health,
      'GET /setup': [200, { needed: false }],
      'POST /auth/login': (body) =>
        (body as { clinicId?: string }).clinicId
          ? [200, { accessToken: 'chosen-token' }]
          : [
              409,
              {
                statusCode: 409,
                message: 'choose',
                errors: [
                  {
                    path: 'body.clinicId',
                    message: 'choose one of these clinics',
                    clinics: [
                      { id: 'c1', name: 'Cabinet du Parc' },
                      { id: 'c2', name: 'Centre Opéra' },
                    ],
                  },
                ],
              },
            ],
      'GET /auth/me': [200, { kind: 'user', clinicId: 'c2', email: 'both@x.test', role: 'staff' }],
      'GET /deliveries*': [200, { items: [], total: 0, totals: { byStatus: {}, byChannel: {} } }],
    });
    renderRoutes('/login');
    await user.type(await screen.findByLabelText(/E-mail/), 'both@x.test');
    await user.type(screen.getByLabelText(/Password/), 'shared passphrase');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('several clinics');
    await user.click(screen.getAllByLabelText(/^Clinic/).find((e) => e.tagName === 'INPUT')!);
    await user.click(await screen.findByRole('option', { name: 'Centre Opéra', hidden: true }));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(api.calls('POST', '/auth/login')[1].body).toMatchObject({ clinicId: 'c2' });
  });

  it.each([
    [429, 'Too many wrong passwords'],
    [403, 'This account is disabled'],
  ])('says why a login is refused (%s)', async (status, words) => {
    const user = userEvent.setup();
    fakeApi({ 'POST /auth/login': [status, { statusCode: status, message: 'x', errors: [] }] });
    renderRoutes('/login');
    await user.type(await screen.findByLabelText(/E-mail/), 'a@x.test');
    await user.type(screen.getByLabelText(/Password/), 'whatever');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(words);
    expect(screen.getByRole('link', { name: 'Forgot your password?' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
  });

  it('sends a reset link without telling whether the address has an account', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ 'POST /auth/forgot-password': [202, { accepted: true }] });
    renderRoutes('/forgot-password');
    await user.type(await screen.findByLabelText(/E-mail/), 'who@x.test');
    await user.click(screen.getByRole('button', { name: 'Send me a link' }));
    expect(await screen.findByRole('status')).toHaveTextContent('If this address has an account');
    expect(api.calls('POST', '/auth/forgot-password')[0].body).toEqual({ email: 'who@x.test' });
  });
});
