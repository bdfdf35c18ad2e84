import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render-with-providers';
import type { Hl7ConnectionView, Hl7MessageEntry } from '../api/integrationsApi';
import { Hl7Panel } from './Hl7Panel';

type Connection = NonNullable<Hl7ConnectionView['connection']>;

const listening = { port: 2575, tls: true };
const parc: Connection = {
  sendingFacility: 'CABINET_PARC',
  allowedPeers: ['192.0.2.10'],
  onlineApplications: [],
  hasSecret: false,
};
const viewOf = (connection: Connection | null, messages: Hl7MessageEntry[] = []): Hl7ConnectionView => ({
  connection,
  listener: listening,
  messages,
});

describe(Hl7Panel.name, () => {
  it('should say the listener is off when the installation has none', async () => {
    fakeApi({ 'GET /settings/hl7': [200, { ...viewOf(null), listener: { port: null, tls: false } }] });
    renderWithProviders(<Hl7Panel />);
    expect(await screen.findByTestId('hl7-listener')).toHaveTextContent(
      'The HL7 listener is off on this installation: ask your administrator to set HL7_MLLP_PORT.',
    );
    expect(screen.getByText('Not connected')).toBeInTheDocument();
  });

  it('should say where to send when the listener is on', async () => {
    fakeApi({ 'GET /settings/hl7': [200, viewOf(null)] });
    renderWithProviders(<Hl7Panel />);
    expect(await screen.findByTestId('hl7-listener')).toHaveTextContent(
      'Send the messages to port 2575 of this server (localhost), over MLLP with TLS.',
    );
  });

  it('should save the facility and the lists, one entry a line, and show what the API holds', async () => {
    const user = userEvent.setup();
    let saved: Connection | null = null;
    const fake = fakeApi({
      'GET /settings/hl7': () => [200, viewOf(saved)],
      'PUT /settings/hl7': (body) => {
        saved = { ...(body as Omit<Connection, 'hasSecret'>), hasSecret: false };
        return [200, viewOf(saved)];
      },
    });
    renderWithProviders(<Hl7Panel />);
    await user.type(
      await screen.findByRole('textbox', { name: /Sending facility \(MSH-4\)/ }),
      ' CABINET_PARC ',
    );
    await user.type(
      screen.getByRole('textbox', { name: 'Allowed addresses' }),
      '192.0.2.10{Enter}10.20.0.0/24{Enter}',
    );
    await user.type(
      screen.getByRole('textbox', { name: 'Online booking applications (MSH-3)' }),
      'AGENDA WEB{Enter}',
    );
    await user.click(screen.getByRole('button', { name: 'Save the connection' }));

    await waitFor(() => expect(fake.calls('PUT', '/settings/hl7')).toHaveLength(1));
    expect(fake.calls('PUT', '/settings/hl7')[0].body).toEqual({
      sendingFacility: 'CABINET_PARC',
      allowedPeers: ['192.0.2.10', '10.20.0.0/24'],
      onlineApplications: ['AGENDA WEB'],
    });
    expect(await screen.findByTestId('hl7-state')).toHaveTextContent('Saved');
    expect(screen.getByText('Connected')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Allowed addresses' })).toHaveValue(
      '192.0.2.10\n10.20.0.0/24',
    );
    expect(screen.getByText('No secret: only the allowed addresses decide.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save the connection' })).toBeDisabled();
  });

  it('should show a facility another clinic has on the facility field', async () => {
    const user = userEvent.setup();
    fakeApi({
      'GET /settings/hl7': [200, viewOf(null)],
      'PUT /settings/hl7': [
        409,
        {
          statusCode: 409,
          message: 'This sending facility is already connected',
          errors: [
            {
              path: 'body.sendingFacility',
              message: 'is already connected: each facility reaches one clinic',
            },
          ],
        },
      ],
    });
    renderWithProviders(<Hl7Panel />);
    const facility = await screen.findByRole('textbox', { name: /Sending facility/ });
    await user.type(facility, 'CABINET_VOISIN');
    await user.click(screen.getByRole('button', { name: 'Save the connection' }));

    await waitFor(() => expect(facility).toHaveAttribute('aria-invalid', 'true'));
    expect(facility).toHaveAccessibleDescription(
      expect.stringContaining('is already connected: each facility reaches one clinic'),
    );
    expect(screen.getByText('Not connected')).toBeInTheDocument();
  });

  it('should name the refused address on the addresses field', async () => {
    const user = userEvent.setup();
    fakeApi({
      'GET /settings/hl7': [200, viewOf(parc)],
      'PUT /settings/hl7': [
        400,
        {
          statusCode: 400,
          message: 'Invalid body',
          errors: [
            {
              path: 'body.allowedPeers.1',
              message: 'must be an IP address or a network such as 10.0.0.0/24',
            },
          ],
        },
      ],
    });
    renderWithProviders(<Hl7Panel />);
    const peers = await screen.findByRole('textbox', { name: 'Allowed addresses' });
    await user.type(peers, '{Enter}cabinet.local');
    await user.click(screen.getByRole('button', { name: 'Save the connection' }));

    await waitFor(() => expect(peers).toHaveAttribute('aria-invalid', 'true'));
    expect(peers).toHaveAccessibleDescription(
      expect.stringContaining('cabinet.local: must be an IP address or a network such as 10.0.0.0/24'),
    );
    expect(screen.getByTestId('hl7-state')).toHaveTextContent('Unsaved changes');
  });

  it('should show a new secret once, to paste into MSH-8', async () => {
    const user = userEvent.setup();
    let hasSecret = false;
    const fake = fakeApi({
      'GET /settings/hl7': () => [200, viewOf({ ...parc, hasSecret })],
      'POST /settings/hl7/secret': () => {
        hasSecret = true;
        return [200, { secret: 'k3Xw-the-secret' }];
      },
    });
    const { unmount } = renderWithProviders(<Hl7Panel />);
    await user.click(await screen.findByRole('button', { name: 'New secret' }));

    expect(await screen.findByTestId('new-hl7-secret')).toHaveTextContent('k3Xw-the-secret');
    expect(screen.getByTestId('new-hl7-secret')).toHaveTextContent('paste it into MSH-8');
    expect(
      await screen.findByText('A secret is asked in MSH-8: a message without it is refused.'),
    ).toBeInTheDocument();
    expect(fake.calls('POST', '/settings/hl7/secret')).toHaveLength(1);

    unmount();
    renderWithProviders(<Hl7Panel />);
    expect(await screen.findByRole('button', { name: 'Stop asking for a secret' })).toBeInTheDocument();
    expect(screen.queryByTestId('new-hl7-secret')).not.toBeInTheDocument();
    expect(screen.queryByText(/k3Xw-the-secret/)).not.toBeInTheDocument();
  });

  it('should ask before replacing a secret the practice software uses', async () => {
    const user = userEvent.setup();
    const fake = fakeApi({
      'GET /settings/hl7': [200, viewOf({ ...parc, hasSecret: true })],
      'POST /settings/hl7/secret': [200, { secret: 'the-new-one' }],
    });
    renderWithProviders(<Hl7Panel />);
    await user.click(await screen.findByRole('button', { name: 'New secret' }));
    const confirm = screen.getByRole('alertdialog', { name: 'New secret' });
    expect(confirm).toHaveTextContent('The current secret stops working at once');
    expect(fake.calls('POST', '/settings/hl7/secret')).toHaveLength(0);
    await user.click(within(confirm).getByRole('button', { name: 'New secret' }));
    expect(await screen.findByTestId('new-hl7-secret')).toHaveTextContent('the-new-one');
  });

  it('should disconnect after asking, and say the messages are refused', async () => {
    const user = userEvent.setup();
    let connection: Connection | null = parc;
    const fake = fakeApi({
      'GET /settings/hl7': () => [200, viewOf(connection)],
      'DELETE /settings/hl7': () => {
        connection = null;
        return [200, viewOf(null)];
      },
    });
    renderWithProviders(<Hl7Panel />);
    await user.click(await screen.findByRole('button', { name: 'Disconnect' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Disconnect' });
    expect(confirm).toHaveTextContent('Its HL7 messages will be refused from now on');
    await user.click(within(confirm).getByRole('button', { name: 'Disconnect' }));

    expect(await screen.findByText('Not connected')).toBeInTheDocument();
    expect(fake.calls('DELETE', '/settings/hl7')).toHaveLength(1);
    expect(screen.getByRole('textbox', { name: /Sending facility/ })).toHaveValue('');
    expect(screen.queryByTestId('hl7-secret')).not.toBeInTheDocument();
  });

  it.each([
    { title: 'neither a secret nor an address', connection: { ...parc, allowedPeers: [] }, warned: true },
    { title: 'an address', connection: parc, warned: false },
    { title: 'a secret', connection: { ...parc, allowedPeers: [], hasSecret: true }, warned: false },
  ])('should warn that everything is refused only with $title', async ({ connection, warned }) => {
    fakeApi({ 'GET /settings/hl7': [200, viewOf(connection)] });
    renderWithProviders(<Hl7Panel />);
    expect(await screen.findByText('Connected')).toBeInTheDocument();
    if (warned)
      expect(screen.getByTestId('hl7-closed')).toHaveTextContent(
        'Every message will be refused until you set a secret or an allowed address',
      );
    else expect(screen.queryByTestId('hl7-closed')).not.toBeInTheDocument();
  });

  it('should show the log in clinic time, and open the text of a refused message', async () => {
    const user = userEvent.setup();
    const messages: Hl7MessageEntry[] = [
      {
        id: 'm2',
        receivedAt: '2026-03-20T10:05:00.000Z',
        controlId: 'MSG-0002',
        type: 'SIU^S12',
        outcome: 'error',
        reason: 'SCH: the segment is missing',
        eventType: null,
        text: 'MSH|^~\\&|PMS|CABINET_PARC|||20260320110500||SIU^S12|MSG-0002|P|2.5.1\rPID|1||P-1||Ødegård^Bjørn',
      },
      {
        id: 'm1',
        receivedAt: '2026-03-20T10:00:00.000Z',
        controlId: 'MSG-0001',
        type: 'SIU^S12',
        outcome: 'accepted',
        reason: null,
        eventType: 'appointment.booked',
        text: null,
      },
    ];
    fakeApi({
      'GET /settings/hl7': [200, viewOf(parc, messages)],
      'GET /settings': [200, { timeZone: 'Europe/Paris', country: 'FR' }],
    });
    renderWithProviders(<Hl7Panel />);
    const table = await screen.findByRole('table', { name: 'The last 50 messages, newest first' });
    const refused = within(table).getByRole('rowheader', { name: 'MSG-0002' }).closest('tr')!;
    expect(await within(refused).findByText('20/03/2026, 11:05')).toBeInTheDocument();
    expect(within(refused).getByText('refused')).toBeInTheDocument();
    expect(within(refused).getByText('SCH: the segment is missing')).toBeInTheDocument();
    const accepted = within(table).getByRole('rowheader', { name: 'MSG-0001' }).closest('tr')!;
    expect(within(accepted).getByText('accepted')).toBeInTheDocument();
    expect(within(accepted).getByText('an appointment is booked')).toBeInTheDocument();
    expect(within(accepted).queryByRole('button')).not.toBeInTheDocument();

    await user.click(within(refused).getByRole('button', { name: 'Show the message MSG-0002' }));
    const text = screen.getByRole('region', { name: 'Text of the message MSG-0002' });
    expect(text.textContent).toBe(
      'MSH|^~\\&|PMS|CABINET_PARC|||20260320110500||SIU^S12|MSG-0002|P|2.5.1\nPID|1||P-1||Ødegård^Bjørn',
    );
    await user.click(within(refused).getByRole('button', { name: 'Hide the message MSG-0002' }));
    expect(screen.queryByRole('region', { name: 'Text of the message MSG-0002' })).not.toBeInTheDocument();
  });

  it('should refresh the log', async () => {
    const user = userEvent.setup();
    const fake = fakeApi({ 'GET /settings/hl7': [200, viewOf(parc)] });
    renderWithProviders(<Hl7Panel />);
    expect(await screen.findByText('No message received yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Refresh the messages received' }));
    await waitFor(() => expect(fake.calls('GET', '/settings/hl7')).toHaveLength(2));
  });
});
