import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render-with-providers';
import type { ApiKeyView } from '../api/apiKeysApi';
import { ApiKeysSection } from './ApiKeysSection';

const reportsKey: ApiKeyView = {
  id: 'k1',
  name: 'Agenda',
  createdBy: 'manager@demo.clinicflow.test',
  prefix: 'cf_k1',
  scopes: ['reports'],
  createdAt: '2026-05-01T08:00:00.000Z',
  revokedAt: null,
  lastUsedAt: null,
};

describe(ApiKeysSection.name, () => {
  it('creates a key with the scopes the manager chose and shows it once', async () => {
    const user = userEvent.setup();
    const keys: ApiKeyView[] = [reportsKey];
    const fake = fakeApi({
      'GET /api-keys': () => [200, keys],
      'POST /api-keys': (body) => {
        const { name, scopes } = body as { name: string; scopes: ApiKeyView['scopes'] };
        const key = { ...reportsKey, id: 'k2', prefix: 'cf_k2', name, scopes };
        keys.unshift(key);
        return [201, { ...key, key: 'cf_k2.secret' }];
      },
    });
    renderWithProviders(<ApiKeysSection />);
    expect(await screen.findByRole('rowheader', { name: 'Agenda' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /Send appointment events/ })).toBeChecked();

    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Logiciel du cabinet');
    await user.click(screen.getByRole('checkbox', { name: /Keep patients and the directory up to date/ }));
    await user.click(screen.getByRole('button', { name: 'Create the key' }));

    await waitFor(() => expect(fake.calls('POST', '/api-keys')).toHaveLength(1));
    expect(fake.calls('POST', '/api-keys')[0].body).toEqual({
      name: 'Logiciel du cabinet',
      scopes: ['events', 'directory'],
    });
    expect(await screen.findByTestId('new-api-key')).toHaveTextContent('cf_k2.secret');
    const row = (await screen.findByRole('rowheader', { name: 'Logiciel du cabinet' })).closest('tr')!;
    expect(within(row).getByText('Send appointment events')).toBeInTheDocument();
    expect(within(row).getByText('Keep patients and the directory up to date')).toBeInTheDocument();
  });

  it('does not create a key that may do nothing', async () => {
    const user = userEvent.setup();
    const fake = fakeApi({ 'GET /api-keys': [200, []] });
    renderWithProviders(<ApiKeysSection />);
    expect(await screen.findByText('No key yet.')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'PMS');
    await user.click(screen.getByRole('checkbox', { name: /Send appointment events/ }));
    expect(screen.getByText('Choose at least one thing the key may do.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create the key' })).toBeDisabled();
    expect(fake.calls('POST', '/api-keys')).toHaveLength(0);
  });

  it('revokes a key', async () => {
    const user = userEvent.setup();
    let revoked = false;
    const fake = fakeApi({
      'GET /api-keys': () => [
        200,
        [{ ...reportsKey, revokedAt: revoked ? '2026-05-02T08:00:00.000Z' : null }],
      ],
      'DELETE /api-keys/k1': () => {
        revoked = true;
        return [200, { ...reportsKey, revokedAt: '2026-05-02T08:00:00.000Z' }];
      },
    });
    renderWithProviders(<ApiKeysSection />);
    await user.click(await screen.findByRole('button', { name: 'Revoke the key Agenda' }));
    expect(await screen.findByText('revoked')).toBeInTheDocument();
    expect(fake.calls('DELETE', '/api-keys/k1')).toHaveLength(1);
  });
});
