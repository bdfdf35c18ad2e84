import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render-with-providers';
import type { WebhookEndpointView, WebhookMessageView } from '../api/integrationsApi';
import { WebhooksPanel } from './WebhooksPanel';

const pms: WebhookEndpointView = {
  id: 'whe_pms',
  kind: 'webhook',
  hasAuthorization: false,
  url: 'https://pms.example.org/hooks',
  events: ['appointment.confirmed', 'appointment.declined'],
  description: 'Practice software',
  enabled: true,
  disabledReason: null,
  createdAt: '2026-03-20T09:00:00.000Z',
};
const fhirServer: WebhookEndpointView = {
  ...pms,
  id: 'whe_fhir',
  kind: 'fhir',
  hasAuthorization: true,
  url: 'https://fhir.example.org/r4',
  description: 'FHIR server',
};
const invalid = (path: string, message: string): [number, unknown] => [
  400,
  { statusCode: 400, message: 'Invalid body', errors: [{ path, message }] },
];

describe(WebhooksPanel.name, () => {
  it('should add a webhook with the events chosen and show its secret once', async () => {
    const user = userEvent.setup();
    let endpoints: WebhookEndpointView[] = [];
    const fake = fakeApi({
      'GET /settings/webhooks': () => [200, endpoints],
      'POST /settings/webhooks': (body) => {
        const added = { ...pms, ...(body as Partial<WebhookEndpointView>) };
        endpoints = [added];
        return [201, { ...added, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZI' }];
      },
    });
    const { unmount } = renderWithProviders(<WebhooksPanel />);
    expect(await screen.findByText('No endpoint yet: nothing is sent.')).toBeInTheDocument();
    const url = screen.getByRole('textbox', { name: /^URL/ });
    expect(url).toHaveAttribute('placeholder', 'https://pms.example.org/hooks');
    await user.type(url, ' https://pms.example.org/hooks ');
    await user.click(screen.getByRole('checkbox', { name: 'A patient replied' }));
    await user.click(screen.getByRole('checkbox', { name: 'A patient declined an appointment' }));
    await user.type(screen.getByRole('textbox', { name: 'Description' }), 'Practice software');
    expect(screen.queryByLabelText(/Authorization/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add the endpoint' }));

    await waitFor(() => expect(fake.calls('POST', '/settings/webhooks')).toHaveLength(1));
    expect(fake.calls('POST', '/settings/webhooks')[0].body).toEqual({
      kind: 'webhook',
      url: 'https://pms.example.org/hooks',
      events: ['reply.received', 'appointment.confirmed'],
      description: 'Practice software',
      enabled: true,
    });
    const secret = await screen.findByTestId('new-webhook-secret');
    expect(secret).toHaveTextContent('whsec_MfKQ9r8GKYqrTwjUPD8ILPZI');
    expect(secret).toHaveTextContent('it is shown only once');
    const card = await screen.findByRole('article', { name: 'https://pms.example.org/hooks' });
    expect(card).toHaveTextContent('Events: A patient replied · A patient confirmed an appointment');
    expect(within(card).getByRole('switch', { name: 'On: https://pms.example.org/hooks' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: /^URL/ })).toHaveValue('');

    unmount();
    renderWithProviders(<WebhooksPanel />);
    expect(await screen.findByRole('article', { name: 'https://pms.example.org/hooks' })).toBeInTheDocument();
    expect(screen.queryByTestId('new-webhook-secret')).not.toBeInTheDocument();
    expect(screen.queryByText(/whsec_MfKQ9r8GKYqrTwjUPD8ILPZI/)).not.toBeInTheDocument();
  });

  it('should report unsaved changes while the add form holds some', async () => {
    const user = userEvent.setup();
    const onDirtyChange = jest.fn();
    fakeApi({
      'GET /settings/webhooks': [200, []],
      'POST /settings/webhooks': (body) => [201, { ...pms, ...(body as object), secret: 'whsec_x' }],
    });
    renderWithProviders(<WebhooksPanel onDirtyChange={onDirtyChange} />);
    await user.type(await screen.findByRole('textbox', { name: /^URL/ }), 'https://pms.example.org/hooks');
    expect(onDirtyChange).toHaveBeenLastCalledWith(true);
    await user.click(screen.getByRole('button', { name: 'Add the endpoint' }));
    await waitFor(() => expect(onDirtyChange).toHaveBeenLastCalledWith(false));
  });

  it('should offer a FHIR server the patients’ answers only, with its Authorization header', async () => {
    const user = userEvent.setup();
    const fake = fakeApi({
      'GET /settings/webhooks': [200, []],
      'POST /settings/webhooks': (body) => [201, { ...fhirServer, ...(body as object) }],
    });
    renderWithProviders(<WebhooksPanel />);
    await user.click(await screen.findByRole('checkbox', { name: 'A patient declined an appointment' }));
    await user.click(screen.getByRole('checkbox', { name: 'A patient replied' }));
    expect(screen.getAllByRole('checkbox')).toHaveLength(6);

    await user.click(screen.getByRole('radio', { name: 'FHIR server (write-back)' }));
    expect(screen.getAllByRole('checkbox').map((box) => box.getAttribute('value'))).toEqual([
      'appointment.confirmed',
      'appointment.declined',
    ]);
    expect(screen.getByRole('checkbox', { name: 'A patient confirmed an appointment' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'A patient declined an appointment' })).not.toBeChecked();
    expect(
      screen.getByText('A practice software is told of the patients’ answers only.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^URL/ })).toHaveAttribute(
      'placeholder',
      'https://fhir.example.org/r4',
    );
    const authorization = screen.getByLabelText('Authorization header');
    expect(authorization).toHaveAttribute('type', 'password');
    await user.type(screen.getByRole('textbox', { name: /^URL/ }), 'https://fhir.example.org/r4');
    await user.type(authorization, 'Bearer abc123');
    await user.click(screen.getByRole('button', { name: 'Add the endpoint' }));

    await waitFor(() => expect(fake.calls('POST', '/settings/webhooks')).toHaveLength(1));
    expect(fake.calls('POST', '/settings/webhooks')[0].body).toEqual({
      kind: 'fhir',
      url: 'https://fhir.example.org/r4',
      events: ['appointment.confirmed'],
      description: '',
      enabled: true,
      authorization: 'Bearer abc123',
    });
    // a FHIR server has no secret to show
    await waitFor(() => expect(screen.getByRole('textbox', { name: /^URL/ })).toHaveValue(''));
    expect(screen.queryByTestId('new-webhook-secret')).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'HL7 MLLP (write-back)' }));
    expect(screen.getByRole('textbox', { name: /^URL/ })).toHaveAttribute(
      'placeholder',
      'mllp://pms.local:2575/CABINET',
    );
    expect(screen.queryByLabelText('Authorization header')).not.toBeInTheDocument();
  });

  it('should keep a FHIR server’s Authorization header when an edit leaves it empty', async () => {
    const user = userEvent.setup();
    const fake = fakeApi({
      'GET /settings/webhooks': [200, [fhirServer]],
      'PUT /settings/webhooks/whe_fhir': (body) => [200, { ...fhirServer, ...(body as object) }],
    });
    renderWithProviders(<WebhooksPanel />);
    const card = await screen.findByRole('article', { name: 'https://fhir.example.org/r4' });
    expect(card).toHaveTextContent('Authorization header kept');
    await user.click(within(card).getByRole('button', { name: 'Edit https://fhir.example.org/r4' }));
    const authorization = within(card).getByLabelText('Authorization header');
    expect(authorization).toHaveValue('');
    expect(authorization).toHaveAccessibleDescription(expect.stringContaining('A header is kept'));
    await user.clear(within(card).getByRole('textbox', { name: 'Description' }));
    await user.type(within(card).getByRole('textbox', { name: 'Description' }), 'Dossier patient');
    await user.click(within(card).getByRole('button', { name: 'Save the endpoint' }));

    await waitFor(() => expect(fake.calls('PUT', '/settings/webhooks/whe_fhir')).toHaveLength(1));
    expect(fake.calls('PUT', '/settings/webhooks/whe_fhir')[0].body).toEqual({
      kind: 'fhir',
      url: 'https://fhir.example.org/r4',
      events: ['appointment.confirmed', 'appointment.declined'],
      description: 'Dossier patient',
      enabled: true,
    });
    expect(await within(card).findByText('Dossier patient')).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Save the endpoint' })).not.toBeInTheDocument();
  });

  it('should show a refused address on the URL field', async () => {
    const user = userEvent.setup();
    fakeApi({
      'GET /settings/webhooks': [200, []],
      'POST /settings/webhooks': invalid(
        'body.url',
        'is a local, private, link-local or metadata address, which is not allowed (CLINICFLOW_ALLOWED_PROVIDER_HOSTS)',
      ),
    });
    renderWithProviders(<WebhooksPanel />);
    const url = await screen.findByRole('textbox', { name: /^URL/ });
    await user.type(url, 'http://10.0.0.5/hooks');
    await user.click(screen.getByRole('button', { name: 'Add the endpoint' }));

    await waitFor(() => expect(url).toHaveAttribute('aria-invalid', 'true'));
    expect(url).toHaveAccessibleDescription(
      expect.stringContaining('is a local, private, link-local or metadata address'),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(url).toHaveValue('http://10.0.0.5/hooks');
  });

  it('should name a refused event on the events', async () => {
    const user = userEvent.setup();
    fakeApi({
      'GET /settings/webhooks': [200, []],
      'POST /settings/webhooks': invalid('body.events.1', 'is not an event of this kind'),
    });
    renderWithProviders(<WebhooksPanel />);
    await user.type(await screen.findByRole('textbox', { name: /^URL/ }), 'https://pms.example.org/hooks');
    await user.click(screen.getByRole('button', { name: 'Add the endpoint' }));
    expect(
      await screen.findByText('A patient declined an appointment: is not an event of this kind'),
    ).toBeInTheDocument();
  });

  it('should say why an endpoint turned itself off, and turn it on again', async () => {
    const user = userEvent.setup();
    const off = {
      ...pms,
      enabled: false,
      disabledReason: 'its messages failed for 24 hours (last: HTTP 500)',
    };
    const fake = fakeApi({
      'GET /settings/webhooks': [200, [off]],
      'PUT /settings/webhooks/whe_pms': (body) => [
        200,
        { ...off, ...(body as object), disabledReason: null },
      ],
    });
    renderWithProviders(<WebhooksPanel />);
    const card = await screen.findByRole('article', { name: 'https://pms.example.org/hooks' });
    expect(within(card).getByTestId('webhook-turned-off')).toHaveTextContent(
      'Nothing is sent to it any more: its messages failed for 24 hours (last: HTTP 500).',
    );
    expect(within(card).getByRole('switch', { name: 'On: https://pms.example.org/hooks' })).not.toBeChecked();
    await user.click(
      within(card).getByRole('button', { name: 'Turn it on again: https://pms.example.org/hooks' }),
    );

    await waitFor(() => expect(fake.calls('PUT', '/settings/webhooks/whe_pms')).toHaveLength(1));
    expect(fake.calls('PUT', '/settings/webhooks/whe_pms')[0].body).toEqual({
      kind: 'webhook',
      url: 'https://pms.example.org/hooks',
      events: ['appointment.confirmed', 'appointment.declined'],
      description: 'Practice software',
      enabled: true,
    });
    await waitFor(() => expect(within(card).queryByTestId('webhook-turned-off')).not.toBeInTheDocument());
    expect(within(card).getByRole('switch', { name: 'On: https://pms.example.org/hooks' })).toBeChecked();
  });

  it('should show the delivery log in clinic time with each answer, and resend a message', async () => {
    const user = userEvent.setup();
    const messages: WebhookMessageView[] = [
      {
        id: 'whm_3',
        eventId: 'msg_3',
        type: 'appointment.declined',
        status: 'pending',
        createdAt: '2026-03-20T10:10:00.000Z',
        nextAttemptAt: '2026-03-20T10:12:00.000Z',
        attempts: [{ at: '2026-03-20T10:10:05.000Z', statusCode: 503, latencyMs: 212, error: null }],
      },
      {
        id: 'whm_2',
        eventId: 'msg_2',
        type: 'reply.received',
        status: 'failed',
        createdAt: '2026-03-19T10:05:00.000Z',
        nextAttemptAt: null,
        attempts: [
          { at: '2026-03-19T10:05:01.000Z', statusCode: 500, latencyMs: 40, error: null },
          { at: '2026-03-20T10:05:01.000Z', statusCode: null, latencyMs: 10003, error: 'TimeoutError' },
        ],
      },
      {
        id: 'whm_1',
        eventId: 'msg_1',
        type: 'appointment.confirmed',
        status: 'delivered',
        createdAt: '2026-03-19T08:00:00.000Z',
        nextAttemptAt: null,
        attempts: [{ at: '2026-03-19T08:00:01.000Z', statusCode: 200, latencyMs: 84, error: null }],
      },
    ];
    const fake = fakeApi({
      'GET /settings/webhooks': [200, [pms]],
      'GET /settings/webhooks/whe_pms/messages': [200, messages],
      'POST /settings/webhooks/whe_pms/messages/whm_2/resend': [
        200,
        { ...messages[1], status: 'pending', nextAttemptAt: '2026-03-20T10:20:00.000Z' },
      ],
      'GET /settings': [200, { timeZone: 'Europe/Paris', country: 'FR' }],
    });
    renderWithProviders(<WebhooksPanel />);
    const card = await screen.findByRole('article', { name: 'https://pms.example.org/hooks' });
    const open = within(card).getByRole('button', { name: 'Delivery log of https://pms.example.org/hooks' });
    expect(open).toHaveAttribute('aria-expanded', 'false');
    await user.click(open);
    expect(open).toHaveAttribute('aria-expanded', 'true');

    const table = await within(card).findByRole('table', { name: 'The last 50 messages, newest first' });
    const delivered = (await within(table).findByRole('rowheader', { name: '19/03/2026, 09:00' })).closest(
      'tr',
    )!;
    expect(within(delivered).getByText('A patient confirmed an appointment')).toBeInTheDocument();
    expect(within(delivered).getByText('delivered')).toBeInTheDocument();
    expect(within(delivered).getByText('200')).toBeInTheDocument();
    expect(within(delivered).getByText('84 ms')).toBeInTheDocument();
    const failed = within(table).getByRole('rowheader', { name: '19/03/2026, 11:05' }).closest('tr')!;
    expect(within(failed).getByText('failed')).toBeInTheDocument();
    expect(within(failed).getByText('TimeoutError')).toBeInTheDocument();
    expect(within(failed).getByText('10003 ms')).toBeInTheDocument();
    expect(
      within(failed)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toContain('2');
    const pending = within(table).getByRole('rowheader', { name: '20/03/2026, 11:10' }).closest('tr')!;
    expect(within(pending).getByText('pending')).toBeInTheDocument();
    expect(within(pending).getByText('next try at 20/03/2026, 11:12')).toBeInTheDocument();
    expect(within(pending).getByText('503')).toBeInTheDocument();

    await user.click(
      within(failed).getByRole('button', { name: 'Resend A patient replied, 19/03/2026, 11:05' }),
    );
    await waitFor(() =>
      expect(fake.calls('POST', '/settings/webhooks/whe_pms/messages/whm_2/resend')).toHaveLength(1),
    );
    expect(await within(failed).findByText('pending')).toBeInTheDocument();
    expect(within(failed).getByText('next try at 20/03/2026, 11:20')).toBeInTheDocument();

    await user.click(
      within(card).getByRole('button', { name: 'Refresh the delivery log of https://pms.example.org/hooks' }),
    );
    await waitFor(() => expect(fake.calls('GET', '/settings/webhooks/whe_pms/messages')).toHaveLength(2));
  });

  it('should say why a message cannot be resent while its endpoint is off', async () => {
    const user = userEvent.setup();
    const off = { ...pms, enabled: false };
    fakeApi({
      'GET /settings/webhooks': [200, [off]],
      'GET /settings/webhooks/whe_pms/messages': [
        200,
        [
          {
            id: 'whm_1',
            eventId: 'msg_1',
            type: 'run.ended',
            status: 'failed',
            createdAt: '2026-03-19T08:00:00.000Z',
            nextAttemptAt: null,
            attempts: [{ at: '2026-03-19T08:00:01.000Z', statusCode: null, latencyMs: 3, error: 'ACK AE' }],
          },
        ],
      ],
      'POST /settings/webhooks/whe_pms/messages/whm_1/resend': [
        409,
        { statusCode: 409, message: 'The endpoint is turned off: turn it on to send again', errors: [] },
      ],
      'GET /settings': [200, { timeZone: 'Europe/Paris', country: 'FR' }],
    });
    renderWithProviders(<WebhooksPanel />);
    const card = await screen.findByRole('article', { name: 'https://pms.example.org/hooks' });
    await user.click(within(card).getByRole('button', { name: /^Delivery log of / }));
    const row = (await within(card).findByText('A flow’s run ended')).closest('tr')!;
    expect(within(row).getByText('ACK AE')).toBeInTheDocument();
    await user.click(await within(row).findByRole('button', { name: /^Resend A flow’s run ended, / }));
    expect(await within(card).findByRole('alert')).toHaveTextContent(
      'The endpoint is turned off: turn it on to send again',
    );
  });

  it('should ask before removing an endpoint', async () => {
    const user = userEvent.setup();
    const fake = fakeApi({
      'GET /settings/webhooks': [200, [pms, fhirServer]],
      'DELETE /settings/webhooks/whe_pms': [200, { removed: true }],
    });
    renderWithProviders(<WebhooksPanel />);
    const card = await screen.findByRole('article', { name: 'https://pms.example.org/hooks' });
    await user.click(within(card).getByRole('button', { name: 'Remove https://pms.example.org/hooks' }));
    const confirm = within(card).getByRole('alertdialog', { name: 'Remove https://pms.example.org/hooks' });
    expect(confirm).toHaveTextContent('the messages still waiting for it are given up');
    expect(fake.calls('DELETE', '/settings/webhooks/whe_pms')).toHaveLength(0);

    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(within(card).queryByRole('alertdialog')).not.toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Remove https://pms.example.org/hooks' }));
    await user.click(within(within(card).getByRole('alertdialog')).getByRole('button', { name: 'Remove' }));

    await waitFor(() =>
      expect(
        screen.queryByRole('article', { name: 'https://pms.example.org/hooks' }),
      ).not.toBeInTheDocument(),
    );
    expect(fake.calls('DELETE', '/settings/webhooks/whe_pms')).toHaveLength(1);
    expect(screen.getByRole('article', { name: 'https://fhir.example.org/r4' })).toBeInTheDocument();
  });

  it('should ask before replacing a webhook’s secret, and show the new one once', async () => {
    const user = userEvent.setup();
    const fake = fakeApi({
      'GET /settings/webhooks': [200, [pms, fhirServer]],
      'POST /settings/webhooks/whe_pms/secret': [200, { secret: 'whsec_the-new-one' }],
    });
    renderWithProviders(<WebhooksPanel />);
    const card = await screen.findByRole('article', { name: 'https://pms.example.org/hooks' });
    // a FHIR server is not signed: no secret to replace
    expect(
      within(screen.getByRole('article', { name: 'https://fhir.example.org/r4' })).queryByRole('button', {
        name: /^New secret/,
      }),
    ).not.toBeInTheDocument();
    await user.click(
      within(card).getByRole('button', { name: 'New secret for https://pms.example.org/hooks' }),
    );
    const confirm = within(card).getByRole('alertdialog');
    expect(confirm).toHaveTextContent('The current secret stops working at once');
    expect(fake.calls('POST', '/settings/webhooks/whe_pms/secret')).toHaveLength(0);
    await user.click(within(confirm).getByRole('button', { name: 'New secret' }));
    expect(await within(card).findByTestId('new-webhook-secret')).toHaveTextContent('whsec_the-new-one');
  });

  it('should show the flow steps’ secret on demand', async () => {
    const user = userEvent.setup();
    const fake = fakeApi({
      'GET /settings/webhooks': [200, []],
      'GET /settings/webhooks/flow-steps/secret': [200, { secret: 'whsec_flow-steps' }],
    });
    renderWithProviders(<WebhooksPanel />);
    await screen.findByText('No endpoint yet: nothing is sent.');
    expect(fake.calls('GET', '/settings/webhooks/flow-steps/secret')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Show the flow steps’ secret' }));
    expect(await screen.findByTestId('flow-steps-secret')).toHaveTextContent('whsec_flow-steps');
    await user.click(screen.getByRole('button', { name: 'Hide the flow steps’ secret' }));
    expect(screen.queryByTestId('flow-steps-secret')).not.toBeInTheDocument();
  });
});
