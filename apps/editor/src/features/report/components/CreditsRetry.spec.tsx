import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render-with-providers';
import { CreditsRetry } from './CreditsRetry';

describe('CreditsRetry', () => {
  it('should send every message that failed for credits again in one click, then count down what is left', async () => {
    let left = 0;
    let failed = 3;
    const api = fakeApi({
      'GET /deliveries/credits-retries': () => {
        const counts = { failed, left };
        left = Math.max(0, left - 1); // the engine sends one between two looks
        return [200, counts];
      },
      'POST /deliveries/credits-retries': () => {
        failed = 0;
        left = 3;
        return [200, { retried: 3, unpaid: 0, failed: 0, left: 3 }];
      },
    });
    renderWithProviders(<CreditsRetry />);
    expect(await screen.findByTestId('credits-retry-failed')).toHaveTextContent(
      '3 messages failed because the SMS credits ran out.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send the 3 failed messages again' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Sending again: 3 of 3 still to go.');
    expect(screen.getByRole('progressbar')).toBeInTheDocument();
    expect(api.calls('POST', '/deliveries/credits-retries')).toHaveLength(1);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/of 3 still to go/));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'Done: the engine has gone through the 3 messages again.',
      ),
    );
    expect(screen.queryByRole('button', { name: /failed messages again/ })).not.toBeInTheDocument();
  });

  it('should say why the API refused while the balance is still empty', async () => {
    fakeApi({
      'GET /deliveries/credits-retries': [200, { failed: 2, left: 0 }],
      'POST /deliveries/credits-retries': [
        409,
        {
          statusCode: 409,
          message:
            'The SMS credits are still empty: top up the credits before sending the failed messages again.',
          errors: [{ path: 'credits.balance', message: 'is empty: top up first' }],
        },
      ],
    });
    renderWithProviders(<CreditsRetry />);
    await userEvent.click(await screen.findByRole('button', { name: 'Send the 2 failed messages again' }));
    expect(await screen.findByTestId('credits-retry-refused')).toHaveTextContent(
      'The SMS credits are still empty',
    );
    expect(screen.getByTestId('credits-retry-failed')).toHaveTextContent('2 messages failed');
  });

  it('should show what is left of a retry started earlier, and nothing once none is left', async () => {
    let left = 2;
    fakeApi({
      'GET /deliveries/credits-retries': () => {
        const counts = { failed: 0, left };
        left = 0;
        return [200, counts];
      },
    });
    renderWithProviders(<CreditsRetry />);
    expect(await screen.findByRole('status')).toHaveTextContent('Sending again: 2 of 2 still to go.');
    expect(screen.queryByRole('button')).toBeNull();
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Messages that failed for want of credits' })).toBeNull(),
    );
  });
});
