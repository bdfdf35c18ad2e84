import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render-with-providers';
import { deliveryRow } from '../testing/deliveryFixtures';
import type { ReportSort } from '../utils/reportFilters';
import { DeliveryTable } from './DeliveryTable';

const rowsOf = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    deliveryRow({
      id: `dlv-${i}`,
      recipient: {
        type: i % 2 ? 'resource' : 'patient',
        name: `Patient ${String(i).padStart(4, '0')}`,
        address: '+33600000000',
      },
      credits: i % 7,
    }),
  );

function renderTable(
  rows = rowsOf(300),
  onLoadMore = jest.fn(),
  onOpen = jest.fn(),
  sort: ReportSort = '-createdAt',
) {
  const onSortChange = jest.fn();
  const view = renderWithProviders(
    <DeliveryTable
      rows={rows}
      total={12_000}
      hasMore
      loadingMore={false}
      onLoadMore={onLoadMore}
      onOpen={onOpen}
      flowNames={new Map()}
      sort={sort}
      onSortChange={onSortChange}
    />,
  );
  return { ...view, onLoadMore, onOpen, onSortChange };
}

const header = (name: string) => screen.getAllByRole('columnheader').find((th) => th.textContent === name)!;

const headers = () => screen.getAllByRole('columnheader').map((th) => th.textContent);

// jsdom lays nothing out: give the table's scroller the height of a screen, as a browser would
const layout = { clientHeight: 600, clientWidth: 1000 };
beforeAll(() => {
  for (const [name, size] of Object.entries(layout))
    Object.defineProperty(HTMLElement.prototype, name, {
      configurable: true,
      get(this: HTMLElement) {
        return this.dataset.testid === 'report-scroller' ? size : 0;
      },
    });
});
afterAll(() => {
  for (const name of Object.keys(layout))
    delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
});

describe('DeliveryTable', () => {
  beforeEach(() => localStorage.clear());

  it('should draw only a screenful of 10 000 rows', () => {
    renderTable(rowsOf(10_000));
    const drawn = screen.getAllByTestId('report-row');
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(60);
    expect(screen.getByTestId('report-showing')).toHaveTextContent('10000 of 12000');
  });

  it('should ask for the next page once the end of what is loaded is drawn, and not before', () => {
    const near = renderTable(rowsOf(20));
    expect(near.onLoadMore).toHaveBeenCalled();
    near.unmount();
    const far = renderTable(rowsOf(500));
    expect(far.onLoadMore).not.toHaveBeenCalled();
  });

  it('should show and hide columns from the chooser and remember the choice in this browser', async () => {
    const first = renderTable();
    expect(headers()).not.toContain('Created');
    expect(headers()).toContain('Credits');
    await userEvent.click(screen.getByRole('button', { name: 'Columns' }));
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Created' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Credits' }));
    expect(headers()).toContain('Created');
    expect(headers()).not.toContain('Credits');
    expect(screen.getByRole('checkbox', { name: 'Credits' })).not.toBeChecked();
    first.unmount();

    renderTable();
    expect(headers()).toContain('Created');
    expect(headers()).not.toContain('Credits');
  });

  it('should ask for the API’s order when a date header is clicked, newest first, then oldest', async () => {
    const { onSortChange, unmount } = renderTable();
    await userEvent.click(within(header('To send')).getByRole('button'));
    expect(onSortChange).toHaveBeenLastCalledWith('-sendAt');
    unmount();

    const sorted = renderTable(rowsOf(300), jest.fn(), jest.fn(), '-sendAt');
    expect(header('To send')).toHaveAttribute('aria-sort', 'descending');
    await userEvent.click(within(header('To send')).getByRole('button'));
    expect(sorted.onSortChange).toHaveBeenLastCalledWith('sendAt');
  });

  it('should show the rows in the API’s order, and offer no sort the API cannot do', async () => {
    const { onSortChange } = renderTable(rowsOf(300), jest.fn(), jest.fn(), 'sendAt');
    expect(header('To send')).toHaveAttribute('aria-sort', 'ascending');
    const names = screen
      .getAllByTestId('report-row')
      .map((row) => within(row).getByRole('button').textContent);
    expect(names.slice(0, 3)).toEqual([
      expect.stringContaining('Patient 0000'),
      expect.stringContaining('Patient 0001'),
      expect.stringContaining('Patient 0002'),
    ]);
    for (const name of ['Recipient', 'Status', 'Channel', 'Credits']) {
      expect(within(header(name)).queryByRole('button')).toBeNull();
      expect(header(name)).not.toHaveAttribute('aria-sort');
    }
    await userEvent.click(header('Recipient'));
    expect(onSortChange).not.toHaveBeenCalled();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('should say who sent each message: the engine with its flow, a user by name, or their e-mail', () => {
    const rows = [
      deliveryRow({ id: 'by-flow', sentBy: 'engine', flowId: 'flow-1' }),
      deliveryRow({ id: 'by-notice', sentBy: 'engine', flowId: null }),
      deliveryRow({ id: 'by-user', sentBy: 'accueil@cabinet.fr', flowId: null }),
      deliveryRow({ id: 'by-former', sentBy: 'parti@cabinet.fr', flowId: null }),
    ];
    renderWithProviders(
      <DeliveryTable
        rows={rows}
        total={4}
        hasMore={false}
        loadingMore={false}
        onLoadMore={jest.fn()}
        onOpen={jest.fn()}
        flowNames={new Map([['flow-1', 'Rappel 24 h']])}
        userNames={new Map([['accueil@cabinet.fr', 'Accueil']])}
        sort="-createdAt"
        onSortChange={jest.fn()}
      />,
    );
    expect(headers()).toContain('Sent by');
    const sentBy = Object.fromEntries(
      screen
        .getAllByTestId('report-row')
        .map((row) => [row.dataset.deliveryId, within(row).getByTestId('row-sent-by').textContent]),
    );
    expect(sentBy).toEqual({
      'by-flow': 'Engine: Rappel 24 h',
      'by-notice': 'Engine (automatic)',
      'by-user': 'Accueil',
      'by-former': 'parti@cabinet.fr',
    });
  });

  it('should open a row from its recipient button', async () => {
    const { onOpen } = renderTable();
    await userEvent.click(screen.getByRole('button', { name: /^Patient 0000( .*)?: open the message$/ }));
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 'dlv-0' }));
  });

  it('should write every time in the clinic’s zone and each skip’s reason in the user’s words', async () => {
    fakeApi({ 'GET /settings': [200, { timeZone: 'Europe/Paris', country: 'FR' }] });
    const skipped = deliveryRow({
      id: 'skipped',
      status: 'skipped',
      error: null,
      sendAt: '2026-04-12T18:15:44.000Z',
      reason: 'booked 3 h before the appointment; reminders need at least 12 h (minimum lead time)',
      why: { code: 'lead-time', params: { hours: 3, minimum: 12 } },
    });
    renderTable([skipped]);
    const row = screen.getByTestId('report-row');
    // 18:15 UTC in April is 20:15 in Paris: never "8:15 PM", never the browser's zone
    expect(await within(row).findByText('12/04/2026, 20:15')).toBeInTheDocument();
    expect(row).toHaveTextContent('Booked 3 h before the appointment; reminders need at least 12 h');
  });

  it('should show when an e-mail was first opened, how often, and when only a privacy service loaded it', async () => {
    fakeApi({ 'GET /settings': [200, { timeZone: 'Europe/Paris', country: 'FR' }] });
    localStorage.setItem('clinicflow.report.columns', JSON.stringify([]));
    const email = { channel: 'email' as const, status: 'sent' as const, error: null };
    renderTable([
      deliveryRow({ ...email, id: 'read', openedAt: '2026-04-12T07:05:00.000Z', opens: 3, proxyOpens: 0 }),
      deliveryRow({ ...email, id: 'proxy', openedAt: '2026-04-12T08:00:00.000Z', opens: 1, proxyOpens: 1 }),
      deliveryRow({ ...email, id: 'unread' }),
    ]);
    const [read, proxy, unread] = screen.getAllByTestId('report-row');
    expect(await within(read).findByText('12/04/2026, 09:05 · 3×')).toBeInTheDocument();
    expect(within(proxy).getByTestId('row-opened')).toHaveTextContent(
      '12/04/2026, 10:00 ?Loaded by a mail privacy service: perhaps not read',
    );
    expect(within(unread).queryByTestId('row-opened')).toBeNull();
  });
});
