import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../../test/render-with-providers';
import type { BatchSend } from '../api/batchSendApi';
import { BatchProgress } from './BatchProgress';

const batch = (byStatus: Record<string, number>, total: number): BatchSend =>
  ({
    id: 'bat_1',
    name: null,
    recipients: total,
    leftOut: [],
    progress: { total, byStatus },
  }) as unknown as BatchSend;

describe(BatchProgress.name, () => {
  it('counts as handed over only the messages the provider took, and says the others apart', async () => {
    renderWithProviders(
      <BatchProgress created={batch({ sent: 2, delivered: 1, failed: 3, skipped: 1 }, 7)} />,
    );
    expect(await screen.findByRole('status')).toHaveTextContent('Done: 3 of 7 handed over.');
    expect(screen.getByTestId('batch-not-sent')).toHaveTextContent('4 not sent (failed or stopped)');
  });

  it('says nothing of failures when every message went', async () => {
    renderWithProviders(<BatchProgress created={batch({ sent: 4 }, 4)} />);
    expect(await screen.findByRole('status')).toHaveTextContent('Done: 4 of 4 handed over.');
    expect(screen.queryByTestId('batch-not-sent')).not.toBeInTheDocument();
  });
});
