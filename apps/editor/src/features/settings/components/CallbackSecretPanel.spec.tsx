import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render-with-providers';
import { CallbackSecretPanel } from './CallbackSecretPanel';

const OLD = 'a'.repeat(64);
const NEW = 'b'.repeat(64);

describe(CallbackSecretPanel.name, () => {
  it('shows the secret with a copy button, and regenerates it only once confirmed', async () => {
    const user = userEvent.setup();
    const fake = fakeApi({
      'GET /settings/callback-secret': [200, { secret: OLD }],
      'POST /settings/callback-secret': [200, { secret: NEW }],
    });
    renderWithProviders(<CallbackSecretPanel clinicId="cli_1" />);
    const field = await screen.findByLabelText('Callback secret');
    expect(field).toHaveValue(OLD);
    expect(screen.getByText(/\/api\/providers\/cli_1\/sandbox\//)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Generate a new secret' }));
    const confirm = screen.getByRole('alertdialog');
    expect(confirm).toHaveTextContent('Callbacks signed with the current one will be refused');
    expect(fake.calls('POST', '/settings/callback-secret')).toHaveLength(0);
    await user.click(screen.getAllByRole('button', { name: 'Generate a new secret' })[1]);
    await waitFor(() => expect(screen.getByLabelText('Callback secret')).toHaveValue(NEW));
    expect(fake.calls('POST', '/settings/callback-secret')).toHaveLength(1);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('says only managers see it when the API refuses', async () => {
    fakeApi({ 'GET /settings/callback-secret': [403, { statusCode: 403, message: 'Forbidden' }] });
    renderWithProviders(<CallbackSecretPanel clinicId="cli_1" />);
    expect(await screen.findByText('Only managers can see the callback secret.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Callback secret')).not.toBeInTheDocument();
  });
});
