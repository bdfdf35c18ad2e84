import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render-with-providers';
import ReportPage from './ReportPage';
import { deliveryPage, deliveryRow, emptySummary } from './testing/deliveryFixtures';

function CurrentSearch() {
  return <output data-testid="search">{useLocation().search}</output>;
}

const rows = Array.from({ length: 100 }, (_, i) => deliveryRow({ id: `dlv-${i}` }));
const answers = {
  // a first page of 100 out of 250: the next pages load as the table is scrolled
  'GET /deliveries?*': [200, deliveryPage(rows, 250)] as [number, unknown],
  'GET /deliveries/summary*': [200, emptySummary] as [number, unknown],
  'GET /flows': [200, []] as [number, unknown],
  'GET /resources?pageSize=100': [200, { items: [] }] as [number, unknown],
  'GET /services?pageSize=100': [200, { items: [] }] as [number, unknown],
};

const callsTo = (requests: { method: string; path: string }[], prefix: string) =>
  requests.filter((r) => r.method === 'GET' && r.path.startsWith(prefix)).map((r) => r.path);

const header = (name: string) => screen.getAllByRole('columnheader').find((th) => th.textContent === name)!;

describe('ReportPage', () => {
  beforeEach(() => localStorage.clear());

  it('should ask the API for the order of a clicked header, from the first page, and keep it in the URL', async () => {
    const api = fakeApi(answers);
    renderWithProviders(
      <>
        <ReportPage />
        <CurrentSearch />
      </>,
      { route: '/report?status=failed' },
    );
    await waitFor(() => expect(screen.getByTestId('report-showing')).toHaveTextContent('100 of 250'));
    expect(callsTo(api.requests, '/deliveries?')).toEqual(['/deliveries?status=failed&page=1&pageSize=100']);

    await userEvent.click(within(header('To send')).getByRole('button'));
    await waitFor(() =>
      expect(callsTo(api.requests, '/deliveries?').at(-1)).toBe(
        '/deliveries?status=failed&sort=-sendAt&page=1&pageSize=100',
      ),
    );
    expect(screen.getByTestId('search')).toHaveTextContent('?status=failed&sort=-sendAt');
    await waitFor(() => expect(header('To send')).toHaveAttribute('aria-sort', 'descending'));
    expect(screen.queryByText(/sorted among/)).toBeNull();

    await userEvent.click(within(header('To send')).getByRole('button'));
    await waitFor(() =>
      expect(callsTo(api.requests, '/deliveries?').at(-1)).toBe(
        '/deliveries?status=failed&sort=sendAt&page=1&pageSize=100',
      ),
    );
    await waitFor(() => expect(header('To send')).toHaveAttribute('aria-sort', 'ascending'));
    // the chart counts rows whatever their order
    expect(callsTo(api.requests, '/deliveries/summary').every((path) => !path.includes('sort'))).toBe(true);
  });

  it('should read the order from the URL, and export in it', async () => {
    const api = fakeApi(answers);
    renderWithProviders(<ReportPage />, { route: '/report?sort=deliveredAt' });
    await waitFor(() =>
      expect(callsTo(api.requests, '/deliveries?')).toContain(
        '/deliveries?sort=deliveredAt&page=1&pageSize=100',
      ),
    );
    expect(screen.getByRole('link', { name: 'Printable view' })).toHaveAttribute(
      'href',
      '/report/print?sort=deliveredAt',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await userEvent.click(await screen.findByRole('button', { name: 'I understand, download' }));
    await waitFor(() =>
      expect(callsTo(api.requests, '/deliveries/export')[0]).toMatch(
        /^\/deliveries\/export\?sort=deliveredAt&format=csv&/,
      ),
    );
  });

  it('should ask for the default order when the URL’s is unknown', async () => {
    const api = fakeApi(answers);
    renderWithProviders(<ReportPage />, { route: '/report?sort=name' });
    await waitFor(() =>
      expect(callsTo(api.requests, '/deliveries?')).toContain('/deliveries?page=1&pageSize=100'),
    );
  });

  it('should draw the chart and count the credits of the statuses and other filters the table shows', async () => {
    const api = fakeApi(answers);
    renderWithProviders(<ReportPage />, {
      route:
        '/report?status=failed,retrying&channel=sms&flowId=flow-1&q=Martin&from=2026-03-01&to=2026-03-07',
    });
    await waitFor(() =>
      expect(callsTo(api.requests, '/deliveries/summary')).toContain(
        '/deliveries/summary?from=2026-03-01&to=2026-03-07&status=failed%2Cretrying&channel=sms&flowId=flow-1&q=Martin',
      ),
    );
  });

  it('should give the chart a created range as the list has it', async () => {
    const api = fakeApi(answers);
    renderWithProviders(<ReportPage />, {
      route: '/report?range=created&from=2026-03-01&to=2026-03-07&status=failed',
    });
    await waitFor(() =>
      expect(callsTo(api.requests, '/deliveries/summary')).toContain(
        '/deliveries/summary?createdFrom=2026-03-01&createdTo=2026-03-07&status=failed',
      ),
    );
  });

  it('should say quietly that there is nothing to export, in the interface’s language file, without an alert', async () => {
    const api = fakeApi({
      ...answers,
      'GET /settings': [200, { timeZone: 'Europe/Paris', country: 'FR' }],
      'GET /deliveries/export*': [
        422,
        { statusCode: 422, message: 'No deliveries match these filters: there is nothing to export.' },
      ],
    });
    renderWithProviders(<ReportPage />, { route: '/report?q=nobody' });
    // the page says which zone its times are in
    expect(await screen.findByTestId('clinic-zone')).toHaveTextContent('Europe/Paris');
    await userEvent.click(screen.getByRole('button', { name: 'Export Excel' }));
    await userEvent.click(await screen.findByRole('button', { name: 'I understand, download' }));
    const said = await screen.findByTestId('export-refused');
    expect(said).toHaveTextContent('No file: there is nothing to export with these filters.');
    expect(said).toHaveAttribute('role', 'status');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(callsTo(api.requests, '/deliveries/export')[0]).toContain('lang=en');
  });
});
