import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { fakeApi } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render-with-providers';
import ReportPage from '../ReportPage';
import { deliveryPage, deliveryRow, emptySummary } from '../testing/deliveryFixtures';
import { clinicToday, presetRange } from '../utils/datePresets';

function CurrentSearch() {
  return <output data-testid="search">{useLocation().search}</output>;
}

const answers = {
  'GET /deliveries?*': [200, deliveryPage([deliveryRow()])] as [number, unknown],
  'GET /deliveries/summary*': [200, emptySummary] as [number, unknown],
  'GET /flows': [200, [{ id: 'flow-1', name: 'Rappel 24 h' }]] as [number, unknown],
  'GET /resources?pageSize=100': [200, { items: [] }] as [number, unknown],
  'GET /services?pageSize=100': [200, { items: [] }] as [number, unknown],
  // fourteen hours ahead of UTC: for most of a day the clinic's today is not the browser's
  'GET /settings': [200, { timeZone: 'Pacific/Kiritimati', country: 'KI' }] as [number, unknown],
};

const listCalls = (requests: { method: string; path: string }[]) =>
  requests.filter((r) => r.method === 'GET' && r.path.startsWith('/deliveries?')).map((r) => r.path);

describe('ReportFilterBar', () => {
  it('should read its filters from the URL, ask the API with them, and write changes back to the URL', async () => {
    const api = fakeApi(answers);
    renderWithProviders(
      <>
        <ReportPage />
        <CurrentSearch />
      </>,
      { route: '/report?status=failed&channel=sms&from=2026-03-01&to=2026-03-07&q=Martin' },
    );
    await waitFor(() =>
      expect(listCalls(api.requests)).toContain(
        '/deliveries?sendFrom=2026-03-01&sendTo=2026-03-07&status=failed&channel=sms&q=Martin&page=1&pageSize=100',
      ),
    );
    const filters = screen.getByRole('region', { name: 'Filters' });
    expect(within(filters).getByRole('checkbox', { name: 'failed' })).toBeChecked();
    expect(within(filters).getByRole('checkbox', { name: 'SMS' })).toBeChecked();
    expect(within(filters).getByRole('checkbox', { name: 'sent' })).not.toBeChecked();
    expect(within(filters).getByLabelText('From')).toHaveValue('2026-03-01');
    expect(within(filters).getByLabelText('Patient, name or number')).toHaveValue('Martin');

    await userEvent.click(within(filters).getByRole('checkbox', { name: 'failed, retrying' }));
    await waitFor(() => expect(screen.getByTestId('search')).toHaveTextContent('status=failed%2Cretrying'));
    expect(screen.getByTestId('search')).toHaveTextContent('channel=sms');
    await waitFor(() => expect(listCalls(api.requests).at(-1)).toContain('status=failed%2Cretrying'));
  });

  it('should fill the dates of a preset and show which preset is on', async () => {
    fakeApi(answers);
    renderWithProviders(
      <>
        <ReportPage />
        <CurrentSearch />
      </>,
      { route: '/report' },
    );
    const filters = screen.getByRole('region', { name: 'Filters' });
    await userEvent.click(within(filters).getByRole('button', { name: 'Last 7 days' }));
    const week = presetRange('last7Days', clinicToday(new Date(), 'Pacific/Kiritimati'));
    await waitFor(() =>
      expect(screen.getByTestId('search')).toHaveTextContent(`from=${week.from}&to=${week.to}`),
    );
    expect(within(filters).getByRole('button', { name: 'Last 7 days' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(within(filters).getByRole('button', { name: 'Today' })).toHaveAttribute('aria-pressed', 'false');
    expect(within(filters).getByLabelText('To')).toHaveValue(week.to);

    await userEvent.click(within(filters).getByRole('radio', { name: 'delivered' }));
    await waitFor(() => expect(screen.getByTestId('search')).toHaveTextContent('range=delivered'));
  });

  it('should search as the user pauses typing, and empty the box when the filters are cleared', async () => {
    const api = fakeApi(answers);
    renderWithProviders(
      <>
        <ReportPage />
        <CurrentSearch />
      </>,
      { route: '/report?status=failed' },
    );
    const search = screen.getByLabelText('Patient, name or number');
    await userEvent.type(search, '06 12');
    await waitFor(() => expect(screen.getByTestId('search')).toHaveTextContent('q=06+12'));
    await waitFor(() => expect(listCalls(api.requests).at(-1)).toContain('q=06+12'));
    expect(search).toHaveValue('06 12');
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(screen.getByTestId('search')).toHaveTextContent(/^$/));
    expect(search).toHaveValue('');
    expect(screen.getByRole('checkbox', { name: 'failed' })).not.toBeChecked();
  });

  it('should filter on who sent the messages: the engine or one of the clinic’s users', async () => {
    // jsdom lays nothing out: the select's list scrolls to its option as a browser would, here doing nothing
    Element.prototype.scrollIntoView = jest.fn();
    const api = fakeApi({
      ...answers,
      'GET /deliveries/sent-by': [
        200,
        {
          items: [
            { sentBy: 'engine', name: null },
            { sentBy: 'accueil@cabinet.fr', name: 'Accueil' },
          ],
        },
      ],
    });
    renderWithProviders(
      <>
        <ReportPage />
        <CurrentSearch />
      </>,
      { route: '/report?sentBy=accueil%40cabinet.fr' },
    );
    await waitFor(() =>
      expect(listCalls(api.requests)).toContain(
        '/deliveries?sentBy=accueil%40cabinet.fr&page=1&pageSize=100',
      ),
    );
    const filters = screen.getByRole('region', { name: 'Filters' });
    const sentBy = within(filters).getByLabelText('Sent by');
    await waitFor(() => expect(sentBy).toHaveValue('Accueil'));
    expect(
      api.requests.some(
        (r) => r.path.startsWith('/deliveries/summary?') && r.path.includes('sentBy=accueil'),
      ),
    ).toBe(true);

    await userEvent.click(sentBy);
    await userEvent.click(await screen.findByRole('option', { name: 'Engine (automatic)', hidden: true }));
    await waitFor(() => expect(screen.getByTestId('search')).toHaveTextContent('sentBy=engine'));
    await waitFor(() => expect(listCalls(api.requests).at(-1)).toContain('sentBy=engine'));
  });

  it('should show the API’s 400 next to the field it names', async () => {
    fakeApi({
      ...answers,
      'GET /deliveries?*': [
        400,
        {
          statusCode: 400,
          message: 'Invalid request',
          errors: [{ path: 'query.sendTo', message: 'must not be before sendFrom' }],
        },
      ],
    });
    renderWithProviders(<ReportPage />, { route: '/report?from=2026-03-10&to=2026-03-01' });
    const to = await screen.findByLabelText('To');
    await waitFor(() => expect(to).toHaveAttribute('aria-invalid', 'true'));
    expect(to).toHaveAccessibleDescription('must not be before sendFrom');
    expect(screen.getByLabelText('From')).not.toHaveAttribute('aria-invalid', 'true');
  });
});
