import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../../test/render-with-providers';
import { DatabaseStatus } from './DatabaseStatus';

function answer(status: number, body: unknown) {
  global.fetch = jest.fn().mockResolvedValue({ status, json: async () => body });
}

describe(DatabaseStatus.name, () => {
  it('should say the database is up when health answers 200', async () => {
    answer(200, { status: 'ok', info: { database: { status: 'up' } } });
    renderWithProviders(<DatabaseStatus />);
    expect(await screen.findByText('database: up')).toBeInTheDocument();
  });

  it('should say the database is down when health answers 503', async () => {
    answer(503, { status: 'error', info: {}, error: { database: { status: 'down' } } });
    renderWithProviders(<DatabaseStatus />);
    expect(await screen.findByText('database: down')).toBeInTheDocument();
  });

  it('should say the API is unreachable on any other answer', async () => {
    answer(502, {});
    renderWithProviders(<DatabaseStatus />);
    expect(await screen.findByText(/API unreachable/)).toBeInTheDocument();
  });
});
