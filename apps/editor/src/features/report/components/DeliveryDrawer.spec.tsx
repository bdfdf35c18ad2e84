import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { provideMessages } from '../../../i18n/useMessages';
import { fakeApi } from '../../../test/fakeApi';
import { messages } from '../../../test/messages';
import { renderWithProviders } from '../../../test/render-with-providers';
import { deliveryDetail } from '../testing/deliveryFixtures';
import { DeliveryDrawer } from './DeliveryDrawer';

/** The flow version the run followed: its steps with the names on their cards. */
const versionFlow = {
  name: 'Rappels',
  nodes: [
    {
      id: 'sms24',
      type: 'send',
      position: { x: 0, y: 0 },
      data: { label: 'Reminder 24 h before', channel: 'sms', recipient: { type: 'patient' }, template: {} },
    },
    {
      id: 'sms2',
      type: 'send',
      position: { x: 0, y: 0 },
      data: { label: 'Second reminder', channel: 'sms', recipient: { type: 'patient' }, template: {} },
    },
  ],
  edges: [],
};

describe('DeliveryDrawer', () => {
  it('should explain a failure in plain words and send the message again', async () => {
    let status: 'failed' | 'scheduled' = 'failed';
    const failed = deliveryDetail({
      run: {
        id: 'run-1',
        status: 'ended',
        flowVersion: 1,
        eventType: 'appointment.booked',
        endedReason: null,
        steps: [
          {
            at: '2026-03-20T10:00:00.000Z',
            nodeId: 'sms24',
            kind: 'send',
            outcome: 'planned',
            exit: 'next',
            reason: null,
          },
          {
            at: '2026-03-20T10:00:00.000Z',
            nodeId: 'sms2',
            kind: 'send',
            outcome: 'skipped',
            exit: null,
            reason: 'patient reliable: no-show rate 13 % < 30 %',
            why: { code: 'reliable', params: { rate: 13, threshold: 30 } },
          },
        ],
      },
    });
    const api = fakeApi({
      'GET /settings': [200, { timeZone: 'Europe/Paris', country: 'FR' }],
      // the run's version names its steps as their cards do
      'GET /flows/flow-1/versions/1': [200, { flowId: 'flow-1', version: 1, flow: versionFlow }],
      'GET /deliveries/dlv-1': () => [200, status === 'failed' ? failed : { ...failed, status, error: null }],
      'POST /deliveries/dlv-1/retry': () => {
        status = 'scheduled';
        return [200, { ...failed, status: 'scheduled', error: null }];
      },
    });
    renderWithProviders(<DeliveryDrawer deliveryId="dlv-1" onClose={() => undefined} />);
    expect(await screen.findByTestId('drawer-problem')).toHaveTextContent(
      'The clinic has no SMS credits left. Top up the credits, then send it again.',
    );
    expect(screen.getByTestId('message-as-seen')).toHaveTextContent('Bonjour Léa, RDV demain à 09:30.');
    expect(screen.getByTestId('drawer-timeline')).toHaveTextContent('credits exhausted');
    expect(screen.queryByRole('button', { name: 'Cancel this message' })).not.toBeInTheDocument();
    // each decision by its step's name (never its id), its reason in words, its time the clinic's
    const decisions = await screen.findAllByTestId('run-decision');
    await waitFor(() => expect(decisions[1]).toHaveTextContent('Second reminder skipped'));
    expect(decisions[1]).toHaveTextContent('Reliable: misses 13 % of appointments (threshold 30 %)');
    expect(decisions[1]).toHaveTextContent('20/03/2026, 11:00');
    expect(screen.getByTestId('run-decisions')).not.toHaveTextContent('sms2');
    expect(screen.getByTestId('drawer-timeline')).toHaveTextContent('24/03/2026, 09:30');
    expect(screen.getByRole('link', { name: 'All messages of this appointment' })).toHaveAttribute(
      'href',
      '/report?appointmentId=apt-1',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Send again' }));
    await waitFor(() => expect(screen.getByTestId('drawer-status')).toHaveTextContent('waiting'));
    expect(api.calls('POST', '/deliveries/dlv-1/retry')).toHaveLength(1);
    expect(screen.getByRole('status')).toHaveTextContent('Planned again');
    expect(screen.queryByRole('button', { name: 'Send again' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel this message' })).toBeInTheDocument();
  });

  it('should show the sender it went out with and who sent it', async () => {
    fakeApi({
      'GET /deliveries/dlv-1': [
        200,
        deliveryDetail({ status: 'sent', error: null, from: 'CabLilas', sentBy: 'accueil@cabinet.fr' }),
      ],
      'GET /deliveries/dlv-2': [
        200,
        deliveryDetail({ id: 'dlv-2', status: 'sent', error: null, sentAt: '2026-03-24T08:30:01.000Z' }),
      ],
      'GET /deliveries/sent-by': [
        200,
        {
          items: [
            { sentBy: 'engine', name: null },
            { sentBy: 'accueil@cabinet.fr', name: 'Accueil' },
          ],
        },
      ],
      'GET /flows': [200, [{ id: 'flow-1', name: 'Rappel 24 h' }]],
    });
    const first = renderWithProviders(<DeliveryDrawer deliveryId="dlv-1" onClose={() => undefined} />);
    expect(await screen.findByTestId('drawer-sender')).toHaveTextContent('Sender: CabLilas');
    await waitFor(() => expect(screen.getByTestId('drawer-sent-by')).toHaveTextContent('Sent by: Accueil'));
    first.unmount();
    renderWithProviders(<DeliveryDrawer deliveryId="dlv-2" onClose={() => undefined} />);
    await waitFor(() =>
      expect(screen.getByTestId('drawer-sender')).toHaveTextContent('Sender: the provider’s default'),
    );
    await waitFor(() =>
      expect(screen.getByTestId('drawer-sent-by')).toHaveTextContent('Sent by: Engine: Rappel 24 h'),
    );
  });

  it('should say when an e-mail was first opened and how often, and when a privacy service may have opened it', async () => {
    const email = { channel: 'email' as const, status: 'sent' as const, error: null };
    fakeApi({
      'GET /settings': [200, { timeZone: 'Europe/Paris', country: 'FR' }],
      'GET /deliveries/read': [
        200,
        deliveryDetail({
          ...email,
          id: 'read',
          openedAt: '2026-03-24T09:00:00.000Z',
          opens: 2,
          proxyOpens: 0,
        }),
      ],
      'GET /deliveries/proxy': [
        200,
        deliveryDetail({
          ...email,
          id: 'proxy',
          openedAt: '2026-03-24T09:00:00.000Z',
          opens: 1,
          proxyOpens: 1,
        }),
      ],
      'GET /deliveries/unread': [200, deliveryDetail({ ...email, id: 'unread' })],
    });
    const first = renderWithProviders(<DeliveryDrawer deliveryId="read" onClose={() => undefined} />);
    expect(await screen.findByTestId('drawer-opened')).toHaveTextContent(
      'Opened first 24/03/2026, 10:00, 2 time(s) in all',
    );
    first.unmount();
    const second = renderWithProviders(<DeliveryDrawer deliveryId="proxy" onClose={() => undefined} />);
    expect(await screen.findByTestId('drawer-opened')).toHaveTextContent(
      '1 time(s) in all (Loaded by a mail privacy service: perhaps not read)',
    );
    second.unmount();
    renderWithProviders(<DeliveryDrawer deliveryId="unread" onClose={() => undefined} />);
    expect(await screen.findByTestId('drawer-status')).toBeInTheDocument();
    expect(screen.queryByTestId('drawer-opened')).toBeNull();
  });

  it('should label a WhatsApp message the patient read and say when they read it', async () => {
    const delivered = {
      status: 'delivered' as const,
      at: '2026-03-24T08:30:05.000Z',
      attempt: 1,
      by: 'sandbox',
    };
    fakeApi({
      'GET /settings': [200, { timeZone: 'Europe/Paris', country: 'FR' }],
      'GET /deliveries/read': [
        200,
        deliveryDetail({
          id: 'read',
          channel: 'whatsapp',
          status: 'read',
          error: null,
          sentAt: '2026-03-24T08:30:01.000Z',
          deliveredAt: '2026-03-24T08:30:05.000Z',
          readAt: '2026-03-24T09:00:00.000Z',
          history: [
            { ...delivered, reason: null },
            { status: 'read', at: '2026-03-24T09:00:00.000Z', attempt: 1, by: 'sandbox', reason: null },
          ],
        }),
      ],
      'GET /deliveries/unread': [
        200,
        deliveryDetail({ id: 'unread', channel: 'whatsapp', status: 'delivered', error: null }),
      ],
    });
    const first = renderWithProviders(<DeliveryDrawer deliveryId="read" onClose={() => undefined} />);
    expect(await screen.findByTestId('drawer-read')).toHaveTextContent('Read 24/03/2026, 10:00');
    expect(screen.getByTestId('drawer-status')).toHaveTextContent(/^read$/);
    expect(screen.getByTestId('delivery-drawer')).toHaveTextContent('WhatsApp');
    expect(screen.getByTestId('drawer-timeline')).toHaveTextContent('read24/03/2026, 10:00');
    first.unmount();
    renderWithProviders(<DeliveryDrawer deliveryId="unread" onClose={() => undefined} />);
    expect(await screen.findByTestId('drawer-status')).toHaveTextContent('delivered');
    expect(screen.queryByTestId('drawer-read')).toBeNull();
  });

  it('should say why the API refused a retry', async () => {
    fakeApi({
      'GET /deliveries/dlv-1': [200, deliveryDetail({ inDoubt: true, status: 'expired' })],
      'POST /deliveries/dlv-1/retry': [
        409,
        {
          statusCode: 409,
          message: 'Delivery dlv-1 is sent: only failed or expired deliveries are sent again',
        },
      ],
    });
    renderWithProviders(<DeliveryDrawer deliveryId="dlv-1" onClose={() => undefined} />);
    expect(await screen.findByTestId('drawer-in-doubt')).toHaveTextContent('may have received it twice');
    await userEvent.click(screen.getByRole('button', { name: 'Send again' }));
    expect(await screen.findByTestId('drawer-action-error')).toHaveTextContent(
      'only failed or expired deliveries are sent again',
    );
  });

  it('should name its close button, and say why a message was skipped in the user’s language', async () => {
    provideMessages('fr', messages.fr);
    const onClose = jest.fn();
    fakeApi({
      'GET /settings': [200, { timeZone: 'Europe/Paris', country: 'FR' }],
      'GET /deliveries/dlv-1': [
        200,
        deliveryDetail({
          status: 'skipped',
          error: null,
          reason: 'SMS is switched off for service Hygiène',
          why: { code: 'channel-off-service', params: { channel: 'sms', service: 'Hygiène' } },
          history: [
            {
              status: 'skipped',
              at: '2026-03-20T10:00:00.000Z',
              attempt: 0,
              // a process of the engine: never shown by its internal name
              by: 'vm:26501:5a0bd2',
              reason: 'SMS is switched off for service Hygiène',
              why: { code: 'channel-off-service', params: { channel: 'sms', service: 'Hygiène' } },
            },
          ],
        }),
      ],
    });
    renderWithProviders(<DeliveryDrawer deliveryId="dlv-1" onClose={onClose} />);
    expect(await screen.findByTestId('drawer-reason')).toHaveTextContent(
      'SMS est désactivé pour la prestation Hygiène',
    );
    await waitFor(() => expect(screen.getByTestId('drawer-timeline')).toHaveTextContent('20/03/2026 11:00'));
    expect(screen.getByTestId('drawer-timeline')).not.toHaveTextContent('switched off');
    expect(screen.getByTestId('drawer-timeline')).toHaveTextContent('par Moteur (automatique)');
    expect(screen.getByTestId('drawer-timeline')).not.toHaveTextContent('vm:26501');
    await userEvent.click(screen.getByRole('button', { name: 'Fermer' }));
    expect(onClose).toHaveBeenCalled();
  });
});
