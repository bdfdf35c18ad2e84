import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render-with-providers';
import type { InboxItem } from './api/inboxApi';
import InboxPage from './InboxPage';

const reply = (overrides: Partial<InboxItem>): InboxItem => ({
  id: 'rpl-1',
  receivedAt: '2026-03-24T17:05:00.000Z',
  channel: 'sms',
  from: '+33612345678',
  text: 'Je serai en retard de 10 minutes',
  patient: { id: 'pat-1', name: 'Léa Martin' },
  deliveryId: 'dlv-1',
  questionText: 'Rappel : RDV demain à 09:30. Répondez C pour confirmer.',
  appointmentId: 'apt-1',
  appointment: { id: 'apt-1', start: '2026-03-25T08:30:00.000Z' },
  meaning: 'unknown',
  outcome: 'Waiting in the inbox',
  read: false,
  readAt: null,
  readBy: null,
  followUp: false,
  ...overrides,
});

describe('InboxPage', () => {
  it('should mark a reply read when it is opened, show what it answered, and count one unread less', async () => {
    const items = [
      reply({}),
      reply({ id: 'rpl-2', text: 'Merci', read: true, patient: null, appointmentId: null }),
    ];
    const api = fakeApi({
      'GET /inbox?*': () => [
        200,
        { items, total: 2, page: 1, pageSize: 20, unread: items.filter((i) => !i.read).length },
      ],
      'PATCH /inbox/rpl-1': (body) => {
        Object.assign(items[0], body);
        return [200, items[0]];
      },
    });
    renderWithProviders(<InboxPage />);
    const list = await screen.findByRole('list', { name: 'Inbox' });
    expect(screen.getByTestId('inbox-page-unread')).toHaveTextContent('1 unread');
    const [first, second] = within(list).getAllByTestId('inbox-item');
    expect(first).toHaveAttribute('data-read', 'false');
    expect(second).toHaveTextContent('Unknown sender');
    expect(within(first).queryByTestId('inbox-detail')).not.toBeInTheDocument();

    await userEvent.click(within(first).getByRole('button', { name: 'Open the reply from Léa Martin' }));
    expect(api.calls('PATCH', '/inbox/rpl-1').map((r) => r.body)).toEqual([{ read: true }]);
    const detail = within(first).getByTestId('inbox-detail');
    expect(detail).toHaveTextContent('Répondez C pour confirmer');
    expect(within(detail).getByRole('link', { name: 'Messages of this appointment' })).toHaveAttribute(
      'href',
      '/report?appointmentId=apt-1',
    );
    await waitFor(() => expect(screen.getByTestId('inbox-page-unread')).toHaveTextContent('0 unread'));
    expect(within(list).getAllByTestId('inbox-item')[0]).toHaveAttribute('data-read', 'true');
  });

  it('should ask the API for the filters chosen and flag a reply for follow-up', async () => {
    const items = [reply({ read: true })];
    const api = fakeApi({
      'GET /inbox?*': [200, { items, total: 1, page: 1, pageSize: 20, unread: 0 }],
      'PATCH /inbox/rpl-1': (body) => [200, { ...items[0], ...(body as object) }],
    });
    renderWithProviders(<InboxPage />);
    await screen.findByRole('list', { name: 'Inbox' });
    await userEvent.click(screen.getByRole('radio', { name: 'Unread' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Follow-up only' }));
    await waitFor(() =>
      expect(api.requests.map((r) => r.path)).toContain('/inbox?page=1&pageSize=20&read=false&followUp=true'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Follow up' }));
    expect(api.calls('PATCH', '/inbox/rpl-1').map((r) => r.body)).toEqual([{ followUp: true }]);
  });
});
