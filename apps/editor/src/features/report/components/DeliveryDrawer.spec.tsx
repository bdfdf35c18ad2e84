import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render-with-providers';
import { deliveryDetail } from '../testing/deliveryFixtures';
import { DeliveryDrawer } from './DeliveryDrawer';

// a busy shared machine answers the fake API and re-renders slowly: wait up to 5 s, not 1 s
configure({ asyncUtilTimeout: 5_000 });

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
            reason: 'patient reliable',
          },
        ],
      },
    });
    const api = fakeApi({
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
    expect(screen.getByTestId('drawer-decisions')).toHaveTextContent('sms2 skipped (patient reliable)');
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
});
